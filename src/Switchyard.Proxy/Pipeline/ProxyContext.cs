using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.LoadBalancing;
using Switchyard.Proxy.Runtime;
using Switchyard.Proxy.Telemetry;
using Switchyard.Translation.Routes;

namespace Switchyard.Proxy.Pipeline;

/// <summary>
/// Everything one request carries through the steps: the state it read once at the start, what
/// each step decided (route, destination, cluster, endpoint) and what happened (response flags,
/// attempts). Steps read and fill it; only <see cref="ProxyHandler"/> decides their order.
/// </summary>
public sealed class ProxyContext(HttpContext http, ProxyState state, HttpRequestView view, long startTimestamp)
{
    public HttpContext Http { get; } = http;

    /// <summary>The one snapshot and cluster set this request uses from start to end.</summary>
    public ProxyState State { get; } = state;

    public HttpRequestView View { get; } = view;

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when the request arrived.</summary>
    public long StartTimestamp { get; } = startTimestamp;

    public RouteEntry? Route { get; set; }

    public WeightedCluster? Destination { get; set; }

    public ClusterRuntime? Cluster { get; set; }

    /// <summary>The endpoint of the current (finally: the last) attempt.</summary>
    public EndpointState? Upstream { get; set; }

    /// <summary>The consistent-hash key, computed once and reused by every attempt.</summary>
    public ulong? HashKey { get; set; }

    /// <summary>Upstream attempts made (1 + retries).</summary>
    public int Attempts { get; set; }

    /// <summary>Envoy's %RESPONSE_FLAGS%: "-" or the flags joined with commas, in the order set.</summary>
    public string Flags { get; private set; } = ResponseFlags.None;

    public void AddFlag(string flag)
    {
        if (flag == ResponseFlags.None) return;
        Flags = Flags == ResponseFlags.None ? flag : Flags + "," + flag;
    }
}
