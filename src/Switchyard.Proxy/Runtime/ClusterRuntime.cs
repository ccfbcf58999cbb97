using Switchyard.Proxy.ConnectionPool;
using Switchyard.Proxy.LoadBalancing;
using Switchyard.Proxy.Upstream;
using Switchyard.Proxy.OutlierDetection;
using Switchyard.Translation.Clusters;
using Switchyard.Translation.Policies.ConnectionPool;

namespace Switchyard.Proxy.Runtime;

/// <summary>
/// The live state of one cluster: its endpoints' counters, its balancer, its upstream client,
/// its circuit breakers and its outlier detector. Survives snapshot swaps while the cluster's spec
/// is unchanged; the breakers and detector also survive an endpoint change when their policy is the same.
/// </summary>
public sealed class ClusterRuntime(ClusterSpec spec, string fingerprint, IReadOnlyList<EndpointState> endpoints, ILoadBalancer balancer, ClusterInvoker invoker, string clientFingerprint)
{
    public ClusterSpec Spec { get; } = spec;

    /// <summary>Policy + endpoints as text: equal fingerprints mean the runtime can be reused.</summary>
    public string Fingerprint { get; } = fingerprint;

    public IReadOnlyList<EndpointState> Endpoints { get; } = endpoints;

    public ILoadBalancer Balancer { get; } = balancer;

    public ClusterInvoker Invoker { get; } = invoker;

    /// <summary>The parts of the policy the upstream client depends on (connection pool, TLS).</summary>
    public string ClientFingerprint { get; } = clientFingerprint;

    /// <summary>connectionPool resolved with Istio's defaults (upstream protocol, per-connection limit).</summary>
    public PoolLimits PoolLimits { get; init; } = PoolLimits.Default;

    /// <summary>The circuit breakers; null when nothing is limited (Istio's 2^32-1 defaults).</summary>
    public PoolLimiter? Pool { get; init; }

    /// <summary>Outlier detection; null when the cluster has no outlierDetection.</summary>
    public OutlierDetector? Outlier { get; init; }
}
