using Switchyard.Model.Networking;

namespace Switchyard.Translation.Clusters;

/// <summary>The DestinationRule policy that applies to one cluster, already merged in Istio's
/// order: DR top level → DR port level (replaces) → subset (field by field) → subset port level.</summary>
public sealed record ClusterPolicy(
    LoadBalancerSettings? LoadBalancer,
    ConnectionPoolSettings? ConnectionPool,
    OutlierDetection? OutlierDetection,
    ClientTLSSettings? Tls)
{
    public static readonly ClusterPolicy Empty = new(null, null, null, null);
}
