using Switchyard.Model.Kubernetes;

namespace Switchyard.Analysis.DestinationRules;

/// <summary>
/// The labels Istio's service registry adds to an endpoint from its pod's Node (pilot's
/// AugmentLabels): region, zone and subzone when the Node has them, and the node name as
/// <c>kubernetes.io/hostname</c>. Subsets may select on them, so the analyzer must see them too.
/// </summary>
public sealed class NodeTopology
{
    public const string Region = "topology.kubernetes.io/region";
    public const string Zone = "topology.kubernetes.io/zone";
    public const string Subzone = "topology.istio.io/subzone";
    public const string Hostname = "kubernetes.io/hostname";

    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _nodeLabels = new(StringComparer.Ordinal);

    public NodeTopology(IEnumerable<Node> nodes)
    {
        foreach (var node in nodes)
            _nodeLabels.TryAdd(node.Name, node.Metadata.Labels ?? new Dictionary<string, string>());
    }

    /// <summary>The pod's labels plus its Node's topology labels (the pod's own unchanged when unscheduled or the Node is unknown).</summary>
    public IReadOnlyDictionary<string, string> LabelsOf(WorkloadPod pod)
    {
        if (string.IsNullOrEmpty(pod.NodeName) || !_nodeLabels.TryGetValue(pod.NodeName, out var nodeLabels)) return pod.Labels;
        var labels = new Dictionary<string, string>(pod.Labels, StringComparer.Ordinal);
        foreach (var key in (string[])[Region, Zone, Subzone])
            if (nodeLabels.TryGetValue(key, out var value)) labels[key] = value;
        labels[Hostname] = pod.NodeName;
        return labels;
    }
}
