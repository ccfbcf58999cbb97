using Switchyard.Registry;

namespace Switchyard.Proxy.LoadBalancing;

/// <summary>The runtime side of one endpoint: in-flight requests (for LEAST_REQUEST), when it was
/// first seen (for warmup) and whether outlier detection ejected it. Survives snapshot swaps when
/// the cluster's runtime is reused, so counts and ejections are not lost on reload.</summary>
public sealed class EndpointState
{
    private int _activeRequests;
    private int _ejected;

    public EndpointState(Endpoint endpoint, long addedTimestamp)
    {
        Endpoint = endpoint;
        AddedTimestamp = addedTimestamp;
        // Envoy treats an unset (0) load balancing weight as 1.
        LbWeight = endpoint.Weight == 0 ? 1 : endpoint.Weight;
        DestinationPrefix = "http://" + endpoint;
    }

    /// <summary>What the forwarder is given (<c>http://10.0.0.1:8080</c>), built once, not per request.</summary>
    public string DestinationPrefix { get; }

    public Endpoint Endpoint { get; }

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when the endpoint was first seen; slow start
    /// (warmup) ramps its weight from here.</summary>
    public long AddedTimestamp { get; }

    /// <summary>Requests sent to this endpoint and not finished yet.</summary>
    public int ActiveRequests => Volatile.Read(ref _activeRequests);

    /// <summary>Set by outlier detection. Balancers skip ejected endpoints unless all are.</summary>
    public bool IsEjected
    {
        get => Volatile.Read(ref _ejected) != 0;
        set => Volatile.Write(ref _ejected, value ? 1 : 0);
    }

    /// <summary>The endpoint's weight with Envoy's default: 0 (unset) counts as 1.</summary>
    public uint LbWeight { get; }

    public void OnRequestStart() => Interlocked.Increment(ref _activeRequests);

    public void OnRequestEnd() => Interlocked.Decrement(ref _activeRequests);

    public override string ToString() => Endpoint.ToString();
}
