using System.Text.Json;
using Switchyard.Proxy.LoadBalancing;
using Switchyard.Proxy.Upstream;
using Switchyard.Randomness;
using Switchyard.Registry;
using Switchyard.Translation;
using Switchyard.Translation.Clusters;

namespace Switchyard.Proxy.Runtime;

/// <summary>
/// Builds the cluster runtimes for a new snapshot, reusing what survives: a cluster whose spec
/// is unchanged keeps its runtime whole; otherwise endpoints seen before keep their state
/// (active requests, warm-up start) and the upstream client is kept when its policy is the same.
/// </summary>
public sealed class ClusterReconciler(IRandomSource random, TimeProvider time, string? localLocality)
{
    public (ProxyState State, List<HttpMessageInvoker> Retired) Reconcile(ProxyState previous, MeshSnapshot snapshot)
    {
        var clusters = new Dictionary<string, ClusterRuntime>(snapshot.Clusters.Count, StringComparer.Ordinal);
        var kept = new HashSet<HttpMessageInvoker>(ReferenceEqualityComparer.Instance);
        foreach (var (name, spec) in snapshot.Clusters)
        {
            previous.Clusters.TryGetValue(name, out var old);
            var fingerprint = Fingerprint(spec);
            if (old is not null && old.Fingerprint == fingerprint)
            {
                clusters[name] = old;
                kept.Add(old.Invoker);
                continue;
            }
            var clientFingerprint = JsonSerializer.Serialize(new { spec.Policy.ConnectionPool, spec.Policy.Tls });
            var invoker = old is not null && old.ClientFingerprint == clientFingerprint ? old.Invoker : UpstreamInvokerFactory.Create(spec.Policy, time, random);
            kept.Add(invoker);
            var endpoints = new List<EndpointState>(spec.Endpoints.Count);
            foreach (var ep in spec.Endpoints)
                endpoints.Add(FindOld(old, ep) ?? new EndpointState(ep, time.GetTimestamp()));
            var balancer = LoadBalancerFactory.Create(spec.Policy.LoadBalancer, endpoints, random, time, localLocality, outlierDetectionEnabled: spec.Policy.OutlierDetection is not null);
            clusters[name] = new ClusterRuntime(spec, fingerprint, endpoints, balancer, invoker, clientFingerprint);
        }
        var retired = previous.Clusters.Values.Select(c => c.Invoker).Where(i => !kept.Contains(i)).Distinct().ToList();
        return (new ProxyState(snapshot, clusters), retired);
    }

    private static EndpointState? FindOld(ClusterRuntime? old, Endpoint ep)
    {
        if (old is null) return null;
        foreach (var s in old.Endpoints)
            if (s.Endpoint == ep || (s.Endpoint.Address == ep.Address && s.Endpoint.Port == ep.Port && s.Endpoint.Weight == ep.Weight)) return s;
        return null;
    }

    private static string Fingerprint(ClusterSpec spec) =>
        JsonSerializer.Serialize(new { spec.Policy, Endpoints = spec.Endpoints.Select(e => new { e.Address, e.Port, e.Weight, e.Locality, e.Labels }) });
}
