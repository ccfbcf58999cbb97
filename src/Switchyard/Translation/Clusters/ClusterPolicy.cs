using Switchyard.Translation.Normalize;
using Switchyard.Translation.Policies.ConnectionPool;
using Switchyard.Translation.Policies.LoadBalancer;
using Switchyard.Translation.Policies.OutlierDetection;
using Switchyard.Translation.Policies.Tls;

namespace Switchyard.Translation.Clusters;

/// <summary>
/// What the proxy enforces for one cluster, compiled from the merged DestinationRule policy with
/// Istio's and Envoy's defaults filled in. One record per runtime part, each with value equality,
/// so a reload rebuilds a part (balancer, upstream client, circuit breakers, outlier detector)
/// only when its own record changed.
/// </summary>
public sealed record ClusterPolicy(
    LoadBalancerSpec LoadBalancer,
    UpstreamClientSpec Client,
    PoolLimits Pool,
    OutlierSettings? Outlier,
    TlsContextSpec? Tls)
{
    public static readonly ClusterPolicy Default = new(LoadBalancerSpec.Default, UpstreamClientSpec.Default, PoolLimits.Default, null, null);

    /// <param name="portProtocol">The service port's protocol (http2 and grpc ports get HTTP/2 upstream).</param>
    public static ClusterPolicy Compile(MergedTrafficPolicy merged, string? portProtocol) => new(
        LoadBalancerSpec.Compile(merged.LoadBalancer),
        UpstreamClientSpec.Compile(merged.ConnectionPool),
        PoolLimits.From(merged.ConnectionPool, portProtocol),
        OutlierSettings.From(merged.OutlierDetection),
        TlsContextSpec.Compile(merged.Tls));
}
