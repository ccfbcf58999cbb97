using Switchyard.Proxy.LoadBalancing;
using Switchyard.Translation.Clusters;

namespace Switchyard.Proxy.Runtime;

/// <summary>
/// The live state of one cluster: its endpoints' counters, its balancer and its upstream
/// client. Survives snapshot swaps while the cluster's spec is unchanged.
/// </summary>
public sealed class ClusterRuntime(ClusterSpec spec, string fingerprint, IReadOnlyList<EndpointState> endpoints, ILoadBalancer balancer, HttpMessageInvoker invoker, string clientFingerprint)
{
    public ClusterSpec Spec { get; } = spec;

    /// <summary>Policy + endpoints as text: equal fingerprints mean the runtime can be reused.</summary>
    public string Fingerprint { get; } = fingerprint;

    public IReadOnlyList<EndpointState> Endpoints { get; } = endpoints;

    public ILoadBalancer Balancer { get; } = balancer;

    public HttpMessageInvoker Invoker { get; } = invoker;

    /// <summary>The parts of the policy the upstream client depends on (connection pool, TLS).</summary>
    public string ClientFingerprint { get; } = clientFingerprint;
}
