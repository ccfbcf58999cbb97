using Switchyard.Registry;

namespace Switchyard.Proxy.LoadBalancing;

/// <summary>The runtime side of one endpoint of a cluster, as YARP's DestinationState: in-flight
/// requests (for LEAST_REQUEST), when it was first seen (for warmup) and whether outlier detection
/// ejected it. Keyed by address:port and kept across reloads for as long as the cluster lists that
/// address; what translation says about it (labels, locality, weight) is swapped in with
/// <see cref="Update"/>, so a relabelled endpoint keeps its counters and ejection and the
/// balancers built after the reload read its new locality.</summary>
public sealed class EndpointState
{
    private int _activeRequests;
    private int _ejected;
    private Endpoint _endpoint;

    public EndpointState(Endpoint endpoint, long addedTimestamp)
    {
        _endpoint = endpoint;
        Key = endpoint.Key;
        AddedTimestamp = addedTimestamp;
        DestinationPrefix = "http://" + Key;
        Uris = new Upstream.DestinationUris(DestinationPrefix);
    }

    /// <summary><c>address:port</c>, fixed for the state's life.</summary>
    public string Key { get; }

    /// <summary>What the forwarder is given (<c>http://10.0.0.1:8080</c>), built once, not per request.</summary>
    public string DestinationPrefix { get; }

    /// <summary>This endpoint's upstream request URIs, shared by requests with the same path and query.</summary>
    public Upstream.DestinationUris Uris { get; }

    /// <summary>The request transformer for routes without rewrites or header edits, made once
    /// for this endpoint by <see cref="Pipeline.ProxyTransformer.For"/>.</summary>
    internal Pipeline.ProxyTransformer? PlainTransformer;

    /// <summary>The endpoint as the current snapshot describes it.</summary>
    public Endpoint Endpoint => Volatile.Read(ref _endpoint);

    /// <summary>Takes the new snapshot's description of the same address:port (labels, locality
    /// and weight may have changed); the balancers built for that snapshot read it.</summary>
    public void Update(Endpoint endpoint)
    {
        if (endpoint.Key != Key) throw new ArgumentException($"endpoint {endpoint} is not {Key}", nameof(endpoint));
        Volatile.Write(ref _endpoint, endpoint);
    }

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when the endpoint was first seen; slow start
    /// (warmup) ramps its weight from here.</summary>
    public long AddedTimestamp { get; }

    /// <summary>This endpoint's outlier counters and ejection history (Envoy's
    /// DetectorHostMonitor), owned here so they outlive any one detector.</summary>
    internal OutlierDetection.OutlierMonitor Outlier { get; private set; } = new();

    /// <summary>Starts the outlier counters afresh (new outlier settings); returns the new monitor.</summary>
    internal OutlierDetection.OutlierMonitor ResetOutlier() => Outlier = new();

    /// <summary>Requests sent to this endpoint and not finished yet.</summary>
    public int ActiveRequests => Volatile.Read(ref _activeRequests);

    /// <summary>Set by outlier detection. Balancers skip ejected endpoints unless all are.</summary>
    public bool IsEjected
    {
        get => Volatile.Read(ref _ejected) != 0;
        set => Volatile.Write(ref _ejected, value ? 1 : 0);
    }

    /// <summary>The endpoint's weight with Envoy's default: 0 (unset) counts as 1.</summary>
    public uint LbWeight => Endpoint.Weight == 0 ? 1 : Endpoint.Weight;

    public void OnRequestStart() => Interlocked.Increment(ref _activeRequests);

    public void OnRequestEnd() => Interlocked.Decrement(ref _activeRequests);

    public override string ToString() => Key;
}
