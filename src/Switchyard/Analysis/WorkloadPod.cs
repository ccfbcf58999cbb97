using Switchyard.Model;
using Switchyard.Model.Kubernetes;

namespace Switchyard.Analysis;

/// <summary>A pod as analyzers see it: namespace, labels, node. Real Pods, and the pods a
/// workload controller's template would create (so a Deployment counts in file mode).</summary>
public sealed record WorkloadPod(string Namespace, string Name, IReadOnlyDictionary<string, string> Labels, string? NodeName, Resource Source)
{
    public static IReadOnlyList<WorkloadPod> FromResources(IEnumerable<Resource> resources)
    {
        var pods = new List<WorkloadPod>();
        foreach (var r in resources)
        {
            switch (r)
            {
                case Pod p:
                    pods.Add(new WorkloadPod(p.Namespace, p.Name, p.Metadata.Labels ?? Empty, p.Spec.NodeName, p));
                    break;
                case Workload w:
                    pods.Add(new WorkloadPod(w.Namespace, w.Name, w.Spec.Template.Metadata.Labels ?? Empty, w.Spec.Template.Spec.NodeName, w));
                    break;
            }
        }
        return pods;
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}
