using Switchyard.Model.Networking;
using Switchyard.Randomness;

namespace Switchyard.Proxy.LoadBalancing;

/// <summary>Builds a cluster's balancer from its merged <c>trafficPolicy.loadBalancer</c>, as
/// Istio translates it for Envoy: simple UNSPECIFIED, LEAST_CONN and LEAST_REQUEST → least request
/// (Istio's default); ROUND_ROBIN → weighted round robin; RANDOM; PASSTHROUGH; consistentHash →
/// ring hash (default) or maglev; warmup for ROUND_ROBIN and LEAST_REQUEST; localityLbSetting
/// wrapping whichever of these in priority levels and locality groups.</summary>
public static class LoadBalancerFactory
{
    /// <summary>As the full overload, taking an explicit <c>localityLbSetting</c> to mean its
    /// failover is wanted (Istio applies failover only with outlier detection on; callers that
    /// know whether it is should use the overload that says so).</summary>
    public static ILoadBalancer Create(LoadBalancerSettings? settings, IReadOnlyList<EndpointState> endpoints,
        IRandomSource random, TimeProvider time, string? localLocality) =>
        Create(settings, endpoints, random, time, localLocality, outlierDetectionEnabled: settings?.LocalityLbSetting is not null);

    /// <param name="outlierDetectionEnabled">Whether the cluster has outlierDetection. Istio's
    /// locality failover (explicit, or the mesh default when no localityLbSetting is given) only
    /// applies then, because without ejections Envoy would never leave the first priority.</param>
    /// <param name="localLabels">The proxy's own labels, for <c>failoverPriority</c> tiers.</param>
    public static ILoadBalancer Create(LoadBalancerSettings? settings, IReadOnlyList<EndpointState> endpoints,
        IRandomSource random, TimeProvider time, string? localLocality, bool outlierDetectionEnabled,
        IReadOnlyDictionary<string, string>? localLabels = null)
    {
        var slowStart = SlowStart.From(settings, time);
        ILoadBalancer BalancerFor(IReadOnlyList<EndpointState> members) => CreateInner(settings, members, random, slowStart);
        // Istio documents that consistent hashing does not mix with locality balancing unless all
        // clients share a locality; it still applies both, and so do we.
        return LocalityLayout.Create(settings?.LocalityLbSetting, outlierDetectionEnabled, endpoints, localLocality, localLabels, BalancerFor, random)
            ?? BalancerFor(endpoints);
    }

    private static ILoadBalancer CreateInner(LoadBalancerSettings? settings, IReadOnlyList<EndpointState> endpoints,
        IRandomSource random, SlowStart? slowStart)
    {
        if (settings?.ConsistentHash is { } hash)
        {
            if (hash.Maglev is { } maglev)
                return new MaglevBalancer(endpoints, maglev.TableSize ?? MaglevBalancer.DefaultTableSize, random);
            var ringSize = hash.RingHash?.MinimumRingSize ?? hash.MinimumRingSize ?? RingHashBalancer.DefaultMinimumRingSize;
            return new RingHashBalancer(endpoints, ringSize, random);
        }
        return settings?.Simple switch
        {
            SimpleLB.ROUND_ROBIN => new RoundRobinBalancer(endpoints, random, slowStart),
            SimpleLB.RANDOM => new RandomBalancer(endpoints, random),
            SimpleLB.PASSTHROUGH => new PassthroughBalancer(endpoints),
            _ => new LeastRequestBalancer(endpoints, random, slowStart),
        };
    }
}
