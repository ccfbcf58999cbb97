using Switchyard.Proxy.ConnectionPool;
using Switchyard.Proxy.LoadBalancing;
using Switchyard.Proxy.OutlierDetection;
using Switchyard.Translation.Clusters;

namespace Switchyard.Proxy.Runtime;

/// <summary>One generation of a cluster's compiled model and the parts built from it, published
/// together with one write. A part is carried over to the next generation when its own input
/// record is unchanged: the client when <c>Policy.Client</c> is, the breakers when
/// <c>Policy.Pool</c> is, the detector when <c>Policy.Outlier</c> and the endpoint set are, the
/// balancer when the load balancer spec and the endpoints (with labels, locality, weight) are.</summary>
public sealed record ClusterParts(
    ClusterSpec Spec,
    IReadOnlyList<EndpointState> Endpoints,
    ILoadBalancer Balancer,
    UpstreamClient Client,
    PoolLimiter? Pool,
    OutlierDetector? Outlier);
