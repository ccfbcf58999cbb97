using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.LoadBalancing;
using Switchyard.Proxy.Retries;
using Switchyard.Proxy.Runtime;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Upstream;
using Switchyard.Translation.Routes;

namespace Switchyard.Proxy.Pipeline;

/// <summary>
/// Everything one request carries through the steps: the state it read once at the start, what
/// each step decided (route, destination, cluster, endpoint) and what happened (response flags,
/// response code details, attempts). Steps read and fill it; only <see cref="ProxyHandler"/>
/// decides their order.
/// </summary>
public sealed class ProxyContext(HttpContext http, ProxyState state, HttpRequestView view, long startTimestamp)
{
    private int _flags;
    private volatile string? _details;
    private EndpointLease _lease;

    public HttpContext Http { get; } = http;

    /// <summary>The one snapshot and cluster set this request uses from start to end.</summary>
    public ProxyState State { get; } = state;

    public HttpRequestView View { get; } = view;

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when the request arrived.</summary>
    public long StartTimestamp { get; } = startTimestamp;

    public RouteEntry? Route { get; set; }

    /// <summary>Which entry of the route's <c>match</c> list held (<see cref="RouteMatcher.MatchingIndex"/>),
    /// found once by the route lookup and read again by the rewrite step.</summary>
    public int MatchIndex { get; set; } = RouteMatcher.NoMatch;

    public WeightedCluster? Destination { get; set; }

    public ClusterRuntime? Cluster { get; set; }

    /// <summary>The chosen endpoint's active-request count, held from the pick to the end of the request.</summary>
    public ref EndpointLease Lease => ref _lease;

    /// <summary>The endpoint of the current (finally: the last) attempt.</summary>
    public EndpointState? Upstream => _lease.Endpoint;

    /// <summary>The consistent-hash key, computed once and reused by every attempt.</summary>
    public ulong? HashKey { get; set; }

    /// <summary>Upstream attempts made (1 + retries).</summary>
    public int Attempts { get; set; }

    /// <summary>The request body kept for retries, if any; its pooled buffer goes back when the request ends.</summary>
    public ReplayableContent? RetryBody { get; set; }

    /// <summary>Envoy's response flags. Set from the request's own flow and from the route timer's
    /// callback (a timeout mid-body), so added atomically.</summary>
    public ResponseFlags Flags => (ResponseFlags)(uint)Volatile.Read(ref _flags);

    public void AddFlag(ResponseFlags flag)
    {
        if (flag != ResponseFlags.None) Interlocked.Or(ref _flags, (int)(uint)flag);
    }

    /// <summary>Envoy's %RESPONSE_CODE_DETAILS%: written where the answer is decided (a local
    /// reply, the upstream's headers passed on, a reset); the last decision wins, as in Envoy.</summary>
    public string? Details
    {
        get => _details;
        set => _details = value;
    }
}
