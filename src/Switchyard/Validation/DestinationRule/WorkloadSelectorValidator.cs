using Switchyard.Model.Networking;

namespace Switchyard.Validation.DestinationRules;

/// <summary>
/// <c>workloadSelector</c> (Istio's <c>validateWorkloadSelector</c>, plus the CRD's limits):
/// plain label equality only, so no empty keys and no wildcards.
/// </summary>
public static class WorkloadSelectorValidator
{
    private const int MaxLabels = 4096;
    private const int MaxValueLength = 63;

    public static void Validate(WorkloadSelector? selector, string path, ValidationContext ctx)
    {
        if (selector is null) return;
        var labelsPath = $"{path}.matchLabels";
        var labels = selector.MatchLabels;
        if (labels is not { Count: > 0 })
        {
            // Istio accepts it: the rule then applies to every workload in the namespace.
            ctx.Warning(path, "workload selector specified without labels",
                "add matchLabels, or remove workloadSelector to apply the rule to every client");
            return;
        }
        if (labels.Count > MaxLabels)
            ctx.Error(labelsPath, $"workload selector may have at most {MaxLabels} labels, found {labels.Count}");

        foreach (var (key, value) in labels)
        {
            var entryPath = key.Length == 0 ? labelsPath : $"{labelsPath}.{key}";
            if (key.Length == 0)
                ctx.Error(entryPath, $"empty key is not supported in selector: \"={value}\"");
            if (key.Contains('*') || value.Contains('*'))
                ctx.Error(entryPath, $"wildcard is not supported in selector: \"{key}={value}\"",
                    "selectors match exact label values; list the values you mean");
            if (value.Length > MaxValueLength)
                ctx.Error(entryPath, $"label value for {key} is {value.Length} characters long; at most {MaxValueLength} are allowed");
        }
    }
}
