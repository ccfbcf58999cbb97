using Switchyard.Model.Networking;

namespace Switchyard.Translation.Normalize;

/// <summary>The DestinationRule settings that apply to one cluster, as written, after Istio's
/// merge (DR top level → port level → subset → subset port level). Compiled into a
/// <see cref="Clusters.ClusterPolicy"/>; never read by the proxy.</summary>
public sealed record MergedTrafficPolicy(
    LoadBalancerSettings? LoadBalancer,
    ConnectionPoolSettings? ConnectionPool,
    OutlierDetection? OutlierDetection,
    ClientTLSSettings? Tls)
{
    public static readonly MergedTrafficPolicy Empty = new(null, null, null, null);
}
