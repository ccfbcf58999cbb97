using Switchyard.Model.Networking;
using Switchyard.Registry;
using Switchyard.Text;

namespace Switchyard.Analysis.VirtualServices;

/// <summary>
/// istioctl's <c>virtualservice.DestinationRuleAnalyzer</c> (pkg/config/analysis/analyzers/virtualservice/destinationrules.go):
/// a destination's subset must be defined by a DestinationRule for its host, else Envoy has no
/// such cluster and answers 503 NC. Hosts are compared as FQDNs, each short name qualified with
/// its own resource's namespace; DestinationRules of every namespace count, exportTo and
/// workloadSelector aside, as in istioctl.
/// </summary>
public sealed class DestinationRuleAnalyzer : IAnalyzer
{
    public string Name => "virtualservice.DestinationRuleAnalyzer";

    public string Description => "Checks the destination rules associated with each virtual service";

    public IReadOnlyList<MessageType> Produces => [Messages.ReferencedResourceNotFound];

    public void Analyze(AnalysisContext context)
    {
        var rulesByHost = IndexByHost(context.DestinationRules);
        foreach (var vs in context.VirtualServices)
        {
            foreach (var d in RouteDestination.All(vs.Spec))
            {
                if (d.Subset.Length == 0) continue;
                var fqdn = HostNames.ToFqdn(d.Host, vs.Namespace);
                var rules = rulesByHost.GetValueOrDefault(fqdn) ?? [];
                if (rules.Any(r => SubsetNames(r).Contains(d.Subset))) continue;
                context.Report(Messages.ReferencedResourceNotFound, vs, d.SubsetPath, Hint(d.Subset, fqdn, rules),
                    d.IsMirror ? "mirror+subset in destinationrule" : "host+subset in destinationrule",
                    GoFormat.Quote($"{d.Host}+{d.Subset}"));
            }
        }
    }

    /// <summary>Every DestinationRule by the FQDN of its host (short names in the rule's namespace).</summary>
    private static Dictionary<string, List<DestinationRule>> IndexByHost(IEnumerable<DestinationRule> rules)
    {
        var index = new Dictionary<string, List<DestinationRule>>(StringComparer.OrdinalIgnoreCase);
        foreach (var dr in rules.OrderBy(r => r.Namespace, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal))
        {
            var fqdn = HostNames.ToFqdn(dr.Spec.Host ?? "", dr.Namespace);
            if (!index.TryGetValue(fqdn, out var list)) index[fqdn] = list = new List<DestinationRule>();
            list.Add(dr);
        }
        return index;
    }

    private static IEnumerable<string> SubsetNames(DestinationRule dr) =>
        (dr.Spec.Subsets ?? []).Select(s => s?.Name).OfType<string>().Where(n => n.Length > 0);

    /// <summary><c>did you mean subset "v2"? DestinationRule default/frontend defines: v1, v2</c>,
    /// or that no DestinationRule defines subsets for the host.</summary>
    private static string Hint(string subset, string fqdn, List<DestinationRule> rules)
    {
        var defined = rules.SelectMany(SubsetNames).Distinct(StringComparer.Ordinal).ToList();
        if (defined.Count == 0) return $"no DestinationRule defines subsets for host {fqdn}";
        var listing = string.Join("; ", rules.Select(r =>
            $"DestinationRule {r.Namespace}/{r.Name} defines: {(SubsetNames(r).Any() ? string.Join(", ", SubsetNames(r)) : "no subsets")}"));
        var suggestion = DidYouMean.Suggest(subset, defined);
        // v3 is as close to v1 as to v2: naming one would be a guess, the listing says it all.
        if (suggestion is not null && defined.Count(d => Distance(subset, d) == Distance(subset, suggestion)) > 1) suggestion = null;
        return suggestion is null ? listing : $"did you mean subset {GoFormat.Quote(suggestion)}? {listing}";
    }

    private static int Distance(string a, string b) => DidYouMean.Distance(a.ToLowerInvariant(), b.ToLowerInvariant());
}
