using Switchyard.Proxy.ConnectionPool;
using Switchyard.Proxy.LoadBalancing;
using Switchyard.Proxy.OutlierDetection;
using Switchyard.Proxy.Upstream;
using Switchyard.Translation.Clusters;
using Switchyard.Translation.Policies.ConnectionPool;

namespace Switchyard.Proxy.Runtime;

/// <summary>
/// The live state of one cluster, as YARP's ClusterState: it lives as long as its cluster name
/// is in the snapshot, and its compiled model and parts (<see cref="ClusterParts"/>: endpoints,
/// balancer, upstream client, circuit breakers, outlier detector) are swapped atomically with one
/// volatile write when a reload changes them. Mirror slots belong to the cluster itself.
/// </summary>
public sealed class ClusterRuntime
{
    private ClusterParts _parts;

    public ClusterRuntime(string name, ClusterParts parts)
    {
        Name = name;
        _parts = parts;
    }

    public string Name { get; }

    /// <summary>The current generation; read it once to see one consistent set of parts.</summary>
    public ClusterParts Parts => Volatile.Read(ref _parts);

    internal void Publish(ClusterParts parts) => Volatile.Write(ref _parts, parts);

    public ClusterSpec Spec => Parts.Spec;

    public IReadOnlyList<EndpointState> Endpoints => Parts.Endpoints;

    public ILoadBalancer Balancer => Parts.Balancer;

    /// <summary>The current upstream client's invoker. A request should hold a lease instead
    /// (<see cref="AcquireClient"/>), so a reload does not dispose the client under it.</summary>
    public ClusterInvoker Invoker => Parts.Client.Invoker;

    /// <summary>connectionPool resolved with Istio's defaults (upstream protocol, per-connection limit).</summary>
    public PoolLimits PoolLimits => Parts.Spec.Policy.Pool;

    /// <summary>The circuit breakers; null when nothing is limited (Istio's 2^32-1 defaults).</summary>
    public PoolLimiter? Pool => Parts.Pool;

    /// <summary>Outlier detection; null when the cluster has no outlierDetection.</summary>
    public OutlierDetector? Outlier => Parts.Outlier;

    /// <summary>Shadow copies in flight to this cluster as a mirror target.</summary>
    public MirrorSlots MirrorSlots { get; } = new(Mirror.MirrorStep.MaxInFlightPerCluster);

    /// <summary>Holds the current upstream client until the lease is disposed (at request end).</summary>
    public UpstreamClientLease AcquireClient()
    {
        while (true)
        {
            var client = Parts.Client;
            if (client.TryAcquire()) return new UpstreamClientLease(client, held: true);
            // Retired and disposed between the read and the acquire: the new parts are already
            // published (a client is retired only after its replacement is), so read again —
            // unless the cluster itself was removed by that reload; the lease is then not held and
            // the request is answered as one whose cluster does not exist (503 NC).
            if (ReferenceEquals(Parts.Client, client)) return new UpstreamClientLease(client, held: false);
        }
    }
}
