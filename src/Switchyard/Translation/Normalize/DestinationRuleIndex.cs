using Switchyard.Model.Networking;
using Switchyard.Registry;

namespace Switchyard.Translation.Normalize;

/// <summary>
/// Which DestinationRule applies to a host, as pilot's sidecar scope decides
/// (pilot/pkg/model/push_context.go destinationRule): rules in the proxy's namespace first, then
/// rules in the service's namespace exported to the proxy, then rules in the root namespace
/// (istio-system) exported to it. Within a namespace the most specific host wins (exact before
/// the longest wildcard). Rules for the same host are ordered as Istio sorts them (workloadSelector
/// first, then creation time, name, namespace) and merged when their exportTo and selector agree.
/// </summary>
public sealed class DestinationRuleIndex
{
    public const string RootNamespace = "istio-system";

    // (namespace, host) → the namespace's rules for exactly that host, in order; and each
    // namespace's wildcard-host rules. A lookup then reads only the rules that can match, not
    // every rule of the namespace (10,000 services × 1,000 rules made translation quadratic).
    private readonly Dictionary<(string Namespace, string Host), List<DestinationRule>> _exact = [];
    private readonly Dictionary<string, List<(string Host, DestinationRule Rule)>> _wildcards = new(StringComparer.Ordinal);

    public DestinationRuleIndex(IEnumerable<DestinationRule> rules)
    {
        var ordered = rules
            .OrderBy(r => r.Spec.WorkloadSelector is null ? 1 : 0)
            .ThenBy(r => r.Metadata.CreationTimestamp ?? "", StringComparer.Ordinal)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ThenBy(r => r.Namespace, StringComparer.Ordinal);
        foreach (var rule in ordered)
        {
            if (string.IsNullOrEmpty(rule.Spec.Host)) continue;
            var host = HostNames.ToFqdn(rule.Spec.Host, rule.Namespace).ToLowerInvariant();
            if (host.StartsWith('*'))
            {
                if (!_wildcards.TryGetValue(rule.Namespace, out var wild)) _wildcards[rule.Namespace] = wild = [];
                wild.Add((host, rule));
            }
            else
            {
                if (!_exact.TryGetValue((rule.Namespace, host), out var exact)) _exact[(rule.Namespace, host)] = exact = [];
                exact.Add(rule);
            }
        }
    }

    /// <summary>The rule for <paramref name="host"/> (an FQDN) seen from a proxy, or null.
    /// <paramref name="serviceNamespace"/> is the namespace of the service (null when unknown).</summary>
    public AppliedDestinationRule? Resolve(string host, string? serviceNamespace, TranslationOptions proxy)
    {
        host = host.ToLowerInvariant();
        var proxyNs = proxy.ProxyNamespace;
        return Lookup(host, proxyNs, proxy, requireExport: false)
            ?? (serviceNamespace is not null && serviceNamespace != proxyNs ? Lookup(host, serviceNamespace, proxy, requireExport: true) : null)
            ?? (proxyNs != RootNamespace && serviceNamespace != RootNamespace ? Lookup(host, RootNamespace, proxy, requireExport: true) : null);
    }

    private AppliedDestinationRule? Lookup(string host, string ns, TranslationOptions proxy, bool requireExport)
    {
        if (_exact.TryGetValue((ns, host), out var forHost))
        {
            var exact = forHost.Where(r => Applies(r, proxy, requireExport)).ToList();
            if (exact.Count > 0) return Merge(exact);
        }
        if (!_wildcards.TryGetValue(ns, out var wildcards)) return null;
        var wildcard = wildcards.Where(r => Applies(r.Rule, proxy, requireExport) && HostNames.Matches(r.Host, host))
            .GroupBy(r => r.Host).OrderByDescending(g => g.Key.Length).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault();
        return wildcard is null ? null : Merge(wildcard.Select(r => r.Rule).ToList());
    }

    /// <summary>A rule with a workloadSelector applies only to matching proxies of its own namespace.</summary>
    private static bool Applies(DestinationRule rule, TranslationOptions proxy, bool requireExport)
    {
        if (rule.Spec.WorkloadSelector is { } selector)
            return rule.Namespace == proxy.ProxyNamespace && LabelMatch.Selects(selector.MatchLabels, proxy.WorkloadLabels);
        return !requireExport || ExportScope.IsVisible(rule.Spec.ExportTo, rule.Namespace, proxy.ProxyNamespace);
    }

    /// <summary>pilot's mergeDestinationRule: only rules with the same exportTo and selector as
    /// the first merge into it; the others stay separate and, being later, do not apply.</summary>
    private static AppliedDestinationRule Merge(List<DestinationRule> rules)
    {
        var first = rules[0];
        var key = GroupKey(first);
        TrafficPolicy? policy = null;
        var subsets = new List<AppliedSubset>();
        foreach (var rule in rules.Where(r => GroupKey(r) == key))
        {
            policy ??= rule.Spec.TrafficPolicy;
            var list = rule.Spec.Subsets ?? [];
            for (var i = 0; i < list.Count; i++)
                if (list[i] is { } s && subsets.All(x => x.Name != (s.Name ?? ""))) subsets.Add(new AppliedSubset(s, rule, i));
        }
        return new AppliedDestinationRule(first, policy, subsets);
    }

    private static string GroupKey(DestinationRule r)
    {
        var selector = r.Spec.WorkloadSelector?.MatchLabels;
        var sel = selector is null ? "" : string.Join(',', selector.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
        return ExportScope.Key(r.Spec.ExportTo, r.Namespace) + "|" + sel;
    }
}
