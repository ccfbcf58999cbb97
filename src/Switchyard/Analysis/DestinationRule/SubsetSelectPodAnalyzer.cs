using Switchyard.Model.Networking;
using Switchyard.Registry;
using Switchyard.Text;

namespace Switchyard.Analysis.DestinationRules;

/// <summary>
/// istioctl's <c>destinationrule.SubsetSelectPodAnalyzer</c> (Go type PodNotSelectedAnalyzer):
/// a DestinationRule host that no Service or ServiceEntry answers (looked up like a
/// VirtualService destination, with the rule's exportTo) is IST0174 on <c>spec.host</c>; else
/// each subset whose selector — the ServiceEntry's workloadSelector labels overridden by the
/// subset's labels (a Kubernetes Service's selector is not added) — matches no pod of any
/// namespace is IST0173 on the subset's <c>name</c>. Pod labels include their Node's topology
/// labels, as Istio's registry adds them to endpoints.
/// </summary>
public sealed class SubsetSelectPodAnalyzer : IAnalyzer
{
    public string Name => "destinationrule.SubsetSelectPodAnalyzer";

    public string Description => "Checks if pods are selected by subsets in destination rules.";

    public IReadOnlyList<MessageType> Produces => [Messages.DestinationRuleSubsetNotSelectPods, Messages.UnknownDestinationRuleHost];

    public void Analyze(AnalysisContext context)
    {
        // istioctl drops an analyzer whose input kinds it was not given (CombinedAnalyzer.RemoveSkipped),
        // so a config-only run says nothing about hosts or pods. Here, "not given" is "none in the
        // input": with no Service or ServiceEntry every host would be unknown, with no pod or
        // workload every subset empty.
        if (context.Services.Count == 0 && context.ServiceEntries.Count == 0) return;
        var topology = new NodeTopology(context.Nodes);
        var pods = context.Pods.Select(p => (Pod: p, Labels: topology.LabelsOf(p))).ToList();

        foreach (var dr in context.DestinationRules)
        {
            var host = dr.Spec.Host ?? "";
            var service = context.ServiceLookup.Find(host, dr.Namespace, dr.Spec.ExportTo);
            if (service is null)
            {
                context.Report(Messages.UnknownDestinationRuleHost, dr, "spec.host", HostHint(context, dr, host), host);
                continue;
            }
            if (pods.Count == 0) continue;

            var workloadLabels = (service.Source as ServiceEntry)?.Spec.WorkloadSelector?.Labels;
            foreach (var (index, subset) in SubsetsByName(dr))
            {
                var selector = Merge(workloadLabels, subset.Labels);
                if (pods.Any(p => LabelMatch.Selects(selector, p.Labels))) continue;
                var name = subset.Name ?? "";
                context.Report(Messages.DestinationRuleSubsetNotSelectPods, dr, $"spec.subsets[{index}].name",
                    SubsetHint.Describe(name, selector, service.Source, pods), name);
            }
        }
    }

    /// <summary>Istio keys subsets by name, so of two with one name the last is the one checked.</summary>
    private static IEnumerable<(int Index, Subset Subset)> SubsetsByName(DestinationRule dr)
    {
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        var subsets = dr.Spec.Subsets ?? [];
        for (var i = 0; i < subsets.Count; i++)
            if (subsets[i] is { } s) last[s.Name ?? ""] = i;
        return last.Values.Order().Select(i => (i, subsets[i]!));
    }

    /// <summary>k8s labels.Merge: the second set wins on a shared key.</summary>
    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string>? first, IReadOnlyDictionary<string, string>? second)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in first ?? new Dictionary<string, string>()) merged[k] = v;
        foreach (var (k, v) in second ?? new Dictionary<string, string>()) merged[k] = v;
        return merged;
    }

    private static string HostHint(AnalysisContext context, DestinationRule dr, string host)
    {
        var fqdn = HostNames.ToFqdn(host, dr.Namespace);
        var known = context.ServiceLookup.HostNamesVisibleTo(dr.Namespace).ToList();
        // Judge closeness by the first label: every in-cluster FQDN shares ".svc.cluster.local".
        var firstLabel = host.Split('.')[0];
        if (DidYouMean.Suggest(fqdn, known) is { } closest
            && DidYouMean.Distance(fqdn.ToLowerInvariant(), closest.ToLowerInvariant()) <= Math.Max(2, firstLabel.Length / 3))
        {
            // Answer in the form the rule used: a short name for a service of its own namespace.
            var shown = !host.Contains('.') && HostNames.SplitServiceFqdn(closest) is { } parts && parts.Namespace == dr.Namespace
                ? parts.Name
                : closest;
            return $"did you mean {GoFormat.Quote(shown)}?";
        }
        return $"no Service or ServiceEntry visible to namespace {dr.Namespace} defines {fqdn}";
    }
}
