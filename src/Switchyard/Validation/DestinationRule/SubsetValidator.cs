using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

// Not "Switchyard.Validation.DestinationRule": a namespace of that name would hide the
// DestinationRule kind from every file in Switchyard.Validation.
namespace Switchyard.Validation.DestinationRules;

/// <summary>
/// The subsets of a DestinationRule: non-null, unique names that are DNS-1123 labels (a
/// VirtualService refers to them by that name), valid label selectors, and a policy checked
/// like the service-wide one (Istio's <c>validateSubset</c>).
/// </summary>
public static class SubsetValidator
{
    public static void ValidateAll(IReadOnlyList<Subset?>? subsets, string configNamespace, ValidationContext ctx)
    {
        if (subsets is null) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < subsets.Count; i++)
        {
            var path = $"spec.subsets[{i}]";
            var subset = subsets[i];
            if (subset is null)
            {
                ctx.Error(path, "subset may not be null", "remove the empty list entry or give it a name");
                continue;
            }
            var name = subset.Name ?? "";
            // Istio keeps both subsets in the rule, but a route can only ever reach the first.
            if (!seen.Add(name))
                ctx.Error($"{path}.name", $"duplicate subset names: {name}", "give each subset its own name");
            Validate(subset, path, configNamespace, ctx);
        }
    }

    private static void Validate(Subset subset, string path, string configNamespace, ValidationContext ctx)
    {
        ctx.ErrorIf($"{path}.name", DnsNames.CheckSubsetName(subset.Name ?? ""),
            "a subset name is a DNS-1123 label: letters, digits and inner dashes, e.g. \"v1\"");
        foreach (var message in Labels.CheckLabels(subset.Labels))
            ctx.Error($"{path}.labels", message);
        TrafficPolicyValidator.Validate(subset.TrafficPolicy, $"{path}.trafficPolicy", configNamespace, ctx);
    }
}
