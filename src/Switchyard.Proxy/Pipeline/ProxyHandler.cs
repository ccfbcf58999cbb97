using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.LoadBalancing;
using Switchyard.Proxy.Runtime;
using Switchyard.Proxy.Telemetry;
using Switchyard.Randomness;
using Switchyard.Translation.Routes;
using Yarp.ReverseProxy.Forwarder;

namespace Switchyard.Proxy.Pipeline;

/// <summary>
/// The request path, in Envoy's order: host lookup → route match → pick destination (weights)
/// → cluster → load balancer → forward → outcome. It only reads one <see cref="ProxyState"/>.
/// Each failure answers as Envoy does and sets its response flag.
/// </summary>
public sealed class ProxyHandler(
    ProxyStateHolder state,
    IHttpForwarder forwarder,
    IRandomSource random,
    TimeProvider time,
    int listenerPort,
    Action<RequestOutcome>? onOutcome)
{
    private static readonly ForwarderRequestConfig RequestConfig = new() { ActivityTimeout = TimeSpan.FromMinutes(10) };

    public async Task HandleAsync(HttpContext context)
    {
        var started = time.GetTimestamp();
        var current = state.Current;
        var request = context.Request;
        var view = new HttpRequestView(context, listenerPort);
        string? clusterName = null, routeName = null;
        EndpointState? upstream = null;
        var flags = ResponseFlags.None;

        var vhost = current.Snapshot.FindVirtualHost(request.Host.Value.AsSpan());
        var route = vhost is null ? null : RouteTable.Match(vhost, view);
        if (route is null)
        {
            flags = ResponseFlags.NoRouteFound;
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else
        {
            routeName = route.Name;
            var destination = DestinationPicker.Pick(route, random);
            clusterName = destination?.ClusterName;
            if (destination is null)
            {
                flags = ResponseFlags.NoRouteFound;
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
            else if (!current.Clusters.TryGetValue(destination.ClusterName, out var cluster))
            {
                flags = ResponseFlags.NoClusterFound;
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            }
            else
            {
                (flags, upstream) = await ForwardAsync(context, view, cluster).ConfigureAwait(false);
            }
        }

        onOutcome?.Invoke(new RequestOutcome(
            time.GetUtcNow(), request.Method, request.Path.Value ?? "/", request.Protocol, context.Response.StatusCode, flags,
            time.GetElapsedTime(started), upstream?.Endpoint.ToString(), clusterName, routeName, view.Authority));
    }

    private async Task<(string Flags, EndpointState? Upstream)> ForwardAsync(HttpContext context, HttpRequestView view, ClusterRuntime cluster)
    {
        ulong? hashKey = null;
        if (cluster.Spec.Policy.LoadBalancer?.ConsistentHash is { } hash)
        {
            hashKey = ConsistentHashKey.Compute(hash, view.GetHeader, view.Query, context.Connection.RemoteIpAddress?.ToString(), random, out var setCookie);
            // Envoy sets the generated cookie on the response; OnStarting runs after the upstream headers are copied.
            if (setCookie is not null)
                context.Response.OnStarting(() => { context.Response.Headers.Append("set-cookie", setCookie); return Task.CompletedTask; });
        }

        var endpoint = cluster.Balancer.Pick(new LbRequest(hashKey));
        if (endpoint is null)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync("no healthy upstream").ConfigureAwait(false);
            return (ResponseFlags.NoHealthyUpstream, null);
        }

        endpoint.OnRequestStart();
        try
        {
            var error = await forwarder.SendAsync(context, endpoint.DestinationPrefix, cluster.Invoker, RequestConfig, PreserveAuthorityTransformer.Instance)
                .ConfigureAwait(false);
            return (FlagFor(error), endpoint);
        }
        finally
        {
            endpoint.OnRequestEnd();
        }

    }

    private static string FlagFor(ForwarderError error) => error switch
    {
        ForwarderError.None => ResponseFlags.None,
        ForwarderError.Request or ForwarderError.RequestCanceled or ForwarderError.RequestBodyClient
            or ForwarderError.ResponseBodyClient or ForwarderError.UpgradeRequestClient or ForwarderError.UpgradeResponseClient
            => ResponseFlags.DownstreamConnectionTermination,
        ForwarderError.RequestTimedOut => ResponseFlags.UpstreamRequestTimeout,
        ForwarderError.ResponseBodyDestination or ForwarderError.UpgradeResponseDestination or ForwarderError.UpgradeRequestDestination
            => ResponseFlags.UpstreamConnectionTermination,
        _ => ResponseFlags.UpstreamConnectionFailure,
    };
}
