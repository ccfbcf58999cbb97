using Switchyard.Proxy.ConnectionPool;
using Switchyard.Proxy.LoadBalancing;
using Switchyard.Proxy.OutlierDetection;
using Switchyard.Proxy.Upstream;
using Switchyard.Randomness;
using Switchyard.Translation;
using Switchyard.Translation.Clusters;

namespace Switchyard.Proxy.Runtime;

/// <summary>
/// Brings the cluster runtimes up to a new snapshot. A cluster name keeps its
/// <see cref="ClusterRuntime"/> for as long as it is in the snapshot; when its spec changed, a new
/// generation of parts is published in which each part is rebuilt only if its own compiled input
/// changed (compared with <c>==</c>): an endpoint-only change rebuilds that cluster's balancer and
/// nothing else, and no other cluster is touched. Endpoints keep their state by address:port.
/// </summary>
public sealed class ClusterReconciler(IRandomSource random, TimeProvider time, string? localLocality, IReadOnlyDictionary<string, string>? localLabels = null)
{
    /// <returns>The new state, and the upstream clients and detectors the caller retires once it
    /// has published the state.</returns>
    public ReconcileResult Reconcile(ProxyState previous, MeshSnapshot snapshot)
    {
        var clusters = new Dictionary<string, ClusterRuntime>(snapshot.Clusters.Count, StringComparer.Ordinal);
        var result = new ReconcileResult(new ProxyState(snapshot, clusters));
        foreach (var (name, spec) in snapshot.Clusters)
        {
            if (!previous.Clusters.TryGetValue(name, out var runtime))
            {
                clusters[name] = new ClusterRuntime(name, Build(spec, old: null, result));
                continue;
            }
            clusters[name] = runtime;
            var old = runtime.Parts;
            if (old.Spec != spec) runtime.Publish(Build(spec, old, result));
        }
        foreach (var (name, runtime) in previous.Clusters)
        {
            if (clusters.ContainsKey(name)) continue;
            var parts = runtime.Parts;
            result.RetiredClients.Add(parts.Client);
            if (parts.Outlier is { } detector) result.RetiredDetectors.Add(detector);
        }
        return result;
    }

    private ClusterParts Build(ClusterSpec spec, ClusterParts? old, ReconcileResult result)
    {
        var policy = spec.Policy;
        var endpointsChanged = old is null || old.Spec.Endpoints != spec.Endpoints;
        var endpoints = endpointsChanged ? Endpoints(spec, old) : old!.Endpoints;

        var client = old?.Client;
        if (client is null || client.Spec != policy.Client)
        {
            if (client is not null) result.RetiredClients.Add(client);
            client = new UpstreamClient(policy.Client, UpstreamInvokerFactory.Create(policy.Client, time, random));
        }

        // Same limits: keep the breakers, so requests in flight stay counted.
        var pool = old is not null && old.Spec.Policy.Pool == policy.Pool ? old.Pool
            : policy.Pool.LimitsNothing ? null : new PoolLimiter(policy.Pool);

        var outlier = Outlier(spec, endpoints, endpointsChanged, old, result);

        var balancer = !endpointsChanged && old!.Spec.Policy.LoadBalancer == policy.LoadBalancer && (old.Outlier is null) == (outlier is null)
            ? old.Balancer
            : LoadBalancerFactory.Create(policy.LoadBalancer, endpoints, random, time, localLocality, outlierDetectionEnabled: outlier is not null, localLabels);
        return new ClusterParts(spec, endpoints, balancer, client, pool, outlier);
    }

    /// <summary>An address:port seen before keeps its state (active requests, warm-up start,
    /// ejection) and takes the new description (labels, locality, weight).</summary>
    private List<EndpointState> Endpoints(ClusterSpec spec, ClusterParts? old)
    {
        Dictionary<string, EndpointState>? byKey = null;
        if (old is not null)
        {
            byKey = new Dictionary<string, EndpointState>(old.Endpoints.Count, StringComparer.Ordinal);
            foreach (var s in old.Endpoints) byKey.TryAdd(s.Key, s);
        }
        var endpoints = new List<EndpointState>(spec.Endpoints.Count);
        foreach (var ep in spec.Endpoints)
        {
            if (byKey is not null && byKey.Remove(ep.Key, out var state))
            {
                if (state.Endpoint != ep) state.Update(ep);
                endpoints.Add(state);
            }
            else endpoints.Add(new EndpointState(ep, time.GetTimestamp()));
        }
        return endpoints;
    }

    // Same settings: the detector carries on (a new one for a new endpoint set takes over the
    // kept endpoints' counters and ejections). New settings start over, as Envoy rebuilds it.
    private OutlierDetector? Outlier(ClusterSpec spec, IReadOnlyList<EndpointState> endpoints, bool endpointsChanged, ClusterParts? old, ReconcileResult result)
    {
        var settings = spec.Policy.Outlier;
        var previous = old?.Outlier;
        if (previous is not null && previous.Settings == settings && !endpointsChanged) return previous;
        if (previous is not null) result.RetiredDetectors.Add(previous);
        if (settings is null)
        {
            foreach (var e in endpoints) e.IsEjected = false;
            return null;
        }
        return new OutlierDetector(settings, endpoints, time, previous is not null && previous.Settings == settings ? previous : null);
    }
}
