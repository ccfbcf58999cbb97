using Switchyard.Analysis;
using Switchyard.Model.Kubernetes;
using Switchyard.Registry;
using Switchyard.Translation;
using Switchyard.Translation.Clusters;
using Switchyard.Translation.Normalize;

namespace Switchyard.Explain;

/// <summary>The workloads (Pods, and the pods a Deployment's template would create) a cluster
/// selects: its Service's selector and its subset's labels, as analyze reads file mode. Shown when
/// the files give no endpoint address, as in <c>examples/frontend</c>.</summary>
public static class Workloads
{
    public static IReadOnlyList<string> Selected(OfflineMesh mesh, ClusterSpec cluster)
    {
        var resources = mesh.Load.Set.Resources;
        var labels = new Dictionary<string, string>();
        var service = resources.OfType<Service>().FirstOrDefault(s => $"{s.Name}.{s.Namespace}.svc.cluster.local" == cluster.Host);
        if (service?.Spec.Selector is not { Count: > 0 } selector) return [];
        foreach (var (k, v) in selector) labels[k] = v;
        if (cluster.Subset is { } subset)
        {
            var rule = new DestinationRuleIndex(resources.OfType<Model.Networking.DestinationRule>())
                .Resolve(cluster.Host, service.Namespace, new TranslationOptions { ProxyNamespace = service.Namespace });
            foreach (var (k, v) in rule?.FindSubset(subset)?.Subset.Labels ?? new Dictionary<string, string>()) labels[k] = v;
        }
        return WorkloadPod.FromResources(resources)
            .Where(p => p.Namespace == service.Namespace && LabelMatch.Selects(labels, p.Labels))
            .Select(p => $"{p.Source.Kind} {p.Namespace}/{p.Name}").Distinct().ToList();
    }
}
