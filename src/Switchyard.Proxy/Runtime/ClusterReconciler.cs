using Switchyard.Proxy.ConnectionPool;
using Switchyard.Proxy.LoadBalancing;
using Switchyard.Proxy.OutlierDetection;
using Switchyard.Proxy.Upstream;
using Switchyard.Randomness;
using Switchyard.Registry;
using Switchyard.Translation;
using Switchyard.Translation.Clusters;
using Switchyard.Translation.Policies.ConnectionPool;
using Switchyard.Translation.Policies.OutlierDetection;

namespace Switchyard.Proxy.Runtime;

/// <summary>
/// Builds the cluster runtimes for a new snapshot, reusing what survives: a cluster whose spec
/// is unchanged keeps its runtime whole; otherwise endpoints seen before keep their state
/// (active requests, warm-up start) and the upstream client is kept when its policy is the same.
/// </summary>
public sealed class ClusterReconciler(IRandomSource random, TimeProvider time, string? localLocality, IReadOnlyDictionary<string, string>? localLabels = null)
{
    public (ProxyState State, List<HttpMessageInvoker> Retired) Reconcile(ProxyState previous, MeshSnapshot snapshot)
    {
        var clusters = new Dictionary<string, ClusterRuntime>(snapshot.Clusters.Count, StringComparer.Ordinal);
        var kept = new HashSet<HttpMessageInvoker>(ReferenceEqualityComparer.Instance);
        foreach (var (name, spec) in snapshot.Clusters)
        {
            previous.Clusters.TryGetValue(name, out var old);
            var fingerprint = ClusterFingerprints.Of(spec);
            if (old is not null && old.Fingerprint == fingerprint)
            {
                clusters[name] = old;
                kept.Add(old.Invoker);
                continue;
            }
            var clientFingerprint = ClusterFingerprints.ClientOf(spec.Policy);
            var invoker = old is not null && old.ClientFingerprint == clientFingerprint ? old.Invoker : UpstreamInvokerFactory.Create(spec.Policy, time, random);
            kept.Add(invoker);
            var endpoints = new List<EndpointState>(spec.Endpoints.Count);
            foreach (var ep in spec.Endpoints)
                endpoints.Add(FindOld(old, ep) ?? new EndpointState(ep, time.GetTimestamp()));
            var balancer = LoadBalancerFactory.Create(spec.Policy.LoadBalancer, endpoints, random, time, localLocality, outlierDetectionEnabled: spec.Policy.OutlierDetection is not null, localLabels);
            var limits = PoolLimits.From(spec.Policy.ConnectionPool, spec.PortProtocol);
            clusters[name] = new ClusterRuntime(spec, fingerprint, endpoints, balancer, invoker, clientFingerprint)
            {
                PoolLimits = limits,
                // Same limits: keep the breakers, so requests in flight stay counted.
                Pool = old?.Pool is { } pool && pool.Limits == limits ? pool : limits.LimitsNothing ? null : new PoolLimiter(limits),
                Outlier = OutlierFor(spec, endpoints, old),
            };
        }
        foreach (var c in previous.Clusters.Values)
            if (!clusters.TryGetValue(c.Spec.Name, out var now) || !ReferenceEquals(now, c)) c.Outlier?.Dispose();
        var retired = previous.Clusters.Values.Select(c => (HttpMessageInvoker)c.Invoker).Where(i => !kept.Contains(i)).Distinct().ToList();
        return (new ProxyState(snapshot, clusters), retired);
    }

    // Same settings: the new detector takes over the endpoints' counters and ejections.
    private OutlierDetector? OutlierFor(ClusterSpec spec, IReadOnlyList<EndpointState> endpoints, ClusterRuntime? old)
    {
        var settings = OutlierSettings.From(spec.Policy.OutlierDetection);
        if (settings is null)
        {
            foreach (var e in endpoints) e.IsEjected = false;
            return null;
        }
        return new OutlierDetector(settings, endpoints, time, old?.Outlier is { } o && o.Settings == settings ? o : null);
    }

    private static EndpointState? FindOld(ClusterRuntime? old, Endpoint ep)
    {
        if (old is null) return null;
        foreach (var s in old.Endpoints)
            if (s.Endpoint == ep || (s.Endpoint.Address == ep.Address && s.Endpoint.Port == ep.Port && s.Endpoint.Weight == ep.Weight)) return s;
        return null;
    }
}
