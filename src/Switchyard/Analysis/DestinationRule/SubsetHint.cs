using Switchyard.Registry;
using Switchyard.Model;
using Switchyard.Model.Kubernetes;

namespace Switchyard.Analysis.DestinationRules;

/// <summary>
/// Explains an IST0173: what the subset selects and what the service's pods carry instead
/// (<c>subset v2 selects labels {version: v2}; pods of frontend carry version: v1, v3</c>).
/// </summary>
public static class SubsetHint
{
    public static string Describe(
        string subset, IReadOnlyDictionary<string, string> selector, Resource service,
        IReadOnlyList<(WorkloadPod Pod, IReadOnlyDictionary<string, string> Labels)> pods)
    {
        var head = $"subset {subset} selects labels {Format(selector)}";
        IReadOnlyList<IReadOnlyDictionary<string, string>> candidates;
        string owner;
        if (service is Service { Spec.Selector: { Count: > 0 } serviceSelector } svc)
        {
            // A Kubernetes Service's endpoints are the pods of its namespace its selector picks.
            candidates = pods.Where(p => p.Pod.Namespace == svc.Namespace && LabelMatch.Selects(serviceSelector, p.Labels)).Select(p => p.Labels).ToList();
            if (candidates.Count == 0)
                return $"{head}; no pod matches the selector {Format(serviceSelector)} of service {svc.Name}";
            owner = $"pods of {svc.Name}";
        }
        else
        {
            candidates = pods.Select(p => p.Labels).ToList();
            owner = "pods in the input";
        }

        // Name the labels no candidate satisfies; when each is satisfied by some pod but never
        // all together, name them all.
        var keys = selector.Keys.Order(StringComparer.Ordinal).ToList();
        var unmet = keys.Where(k => !candidates.Any(l => l.TryGetValue(k, out var v) && v == selector[k])).ToList();
        if (unmet.Count == 0) unmet = keys;
        var parts = unmet.Select(k =>
        {
            var values = candidates.Select(l => l.GetValueOrDefault(k)).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
            return values.Count == 0 ? $"no {k} label" : $"{k}: {string.Join(", ", values)}";
        });
        return $"{head}; {owner} carry {string.Join("; ", parts)}";
    }

    /// <summary><c>{k1: v1, k2: v2}</c>, keys sorted.</summary>
    public static string Format(IReadOnlyDictionary<string, string> labels) =>
        "{" + string.Join(", ", labels.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}: {kv.Value}")) + "}";
}
