using Switchyard.Randomness;
using Switchyard.Translation.Policies.LoadBalancer;

namespace Switchyard.Proxy.LoadBalancing;

/// <summary>Builds a cluster's balancer from its merged <c>trafficPolicy.loadBalancer</c>, as
/// Istio translates it for Envoy: simple UNSPECIFIED, LEAST_CONN and LEAST_REQUEST → least request
/// (Istio's default); ROUND_ROBIN → weighted round robin; RANDOM; PASSTHROUGH; consistentHash →
/// ring hash (default) or maglev; warmup for ROUND_ROBIN and LEAST_REQUEST; localityLbSetting
/// wrapping whichever of these in priority levels and locality groups.</summary>
public static class LoadBalancerFactory
{
    /// <param name="outlierDetectionEnabled">Whether the cluster has outlierDetection. Istio's
    /// locality failover (explicit, or the mesh default when no localityLbSetting is given) only
    /// applies then, because without ejections Envoy would never leave the first priority.</param>
    /// <param name="localLabels">The proxy's own labels, for <c>failoverPriority</c> tiers.</param>
    public static ILoadBalancer Create(LoadBalancerSpec settings, IReadOnlyList<EndpointState> endpoints,
        IRandomSource random, TimeProvider time, string? localLocality, bool outlierDetectionEnabled,
        IReadOnlyDictionary<string, string>? localLabels = null)
    {
        var slowStart = SlowStart.From(settings.Warmup, time);
        ILoadBalancer BalancerFor(IReadOnlyList<EndpointState> members) => CreateInner(settings, members, random, slowStart);
        // Istio documents that consistent hashing does not mix with locality balancing unless all
        // clients share a locality; it still applies both, and so do we.
        return LocalityLayout.Create(settings.Locality, outlierDetectionEnabled, endpoints, localLocality, localLabels, BalancerFor, random)
            ?? BalancerFor(endpoints);
    }

    private static ILoadBalancer CreateInner(LoadBalancerSpec settings, IReadOnlyList<EndpointState> endpoints,
        IRandomSource random, SlowStart? slowStart) => settings.Algorithm switch
        {
            LbAlgorithm.Maglev => new MaglevBalancer(endpoints, settings.ConsistentHash?.TableSize ?? MaglevBalancer.DefaultTableSize, random),
            LbAlgorithm.RingHash => new RingHashBalancer(endpoints, settings.ConsistentHash?.TableSize ?? RingHashBalancer.DefaultMinimumRingSize, random),
            LbAlgorithm.RoundRobin => new RoundRobinBalancer(endpoints, random, slowStart),
            LbAlgorithm.Random => new RandomBalancer(endpoints, random),
            LbAlgorithm.Passthrough => new PassthroughBalancer(endpoints),
            _ => new LeastRequestBalancer(endpoints, random, slowStart),
        };
}
