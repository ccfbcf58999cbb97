using Switchyard.Translation;

namespace Switchyard.Proxy.Runtime;

/// <summary>What a request reads, from start to end: one snapshot and the cluster runtimes built
/// for it. Published with one volatile write, so a request never sees a new cluster under an old route.</summary>
public sealed record ProxyState(MeshSnapshot Snapshot, IReadOnlyDictionary<string, ClusterRuntime> Clusters)
{
    public static readonly ProxyState Empty = new(MeshSnapshot.Empty, new Dictionary<string, ClusterRuntime>());
}
