using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation;

/// <summary>
/// <c>spec.workloadSelector</c> of a ServiceEntry (Istio's <c>ValidateAlphaWorkloadSelector</c>):
/// exact labels only — no empty keys, no <c>*</c> — and an empty selector selects everything.
/// </summary>
public static class ServiceEntrySelectorRules
{
    /// <returns>False when the selector has errors (Istio then stops validating the entry).</returns>
    public static bool Check(ServiceEntryWorkloadSelector? selector, ValidationContext ctx)
    {
        if (selector is null) return true;
        var ok = true;
        foreach (var (key, value) in selector.Labels ?? new Dictionary<string, string>())
        {
            var path = $"spec.workloadSelector.labels.{key}";
            var pair = GoText.Quote($"{key}={value}");
            if (key.Length == 0)
            {
                ctx.Error(path, $"empty key is not supported in selector: {pair}", "give the label a key");
                ok = false;
            }
            if (key.Contains('*') || value.Contains('*'))
            {
                ctx.Error(path, $"wildcard is not supported in selector: {pair}",
                    "selectors match label values exactly; list the exact value");
                ok = false;
            }
        }
        if (ok && (selector.Labels is null || selector.Labels.Count == 0))
            ctx.Warning("spec.workloadSelector",
                "service entry: the selector is empty, will be applied to all services in namespace",
                "add labels to select only this service's workloads");
        return ok;
    }
}
