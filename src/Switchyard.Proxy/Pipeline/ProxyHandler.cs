using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.LoadBalancing;
using Switchyard.Proxy.Runtime;
using Switchyard.Proxy.Telemetry;
using Switchyard.Randomness;
using Switchyard.Translation.Routes;
using Yarp.ReverseProxy.Forwarder;

namespace Switchyard.Proxy.Pipeline;

/// <summary>
/// The request path, in the order of Istio's sidecar filter chain (cors → fault → router):
/// host lookup → route match → CORS → fault → redirect / direct response → pick destination
/// (weights) → cluster → mirror → load balancer → forward (the attempt loop under the forwarder:
/// pool, retries, timeouts, outlier reports) → outcome. It only reads one <see cref="ProxyState"/>,
/// and this file holds only the order; each step lives in the folder named for its Istio field.
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
        var ctx = new ProxyContext(context, state.Current, new HttpRequestView(context, listenerPort), time.GetTimestamp());
        await RunAsync(ctx).ConfigureAwait(false);
        if (onOutcome is not null) onOutcome(Outcome(ctx));
    }

    private async ValueTask RunAsync(ProxyContext ctx)
    {
        var vhost = ctx.State.Snapshot.FindVirtualHost(ctx.Http.Request.Host.Value.AsSpan());
        ctx.Route = vhost is null ? null : RouteTable.Match(vhost, ctx.View);
        if (ctx.Route is null)
        {
            await LocalReply.SendAsync(ctx, StatusCodes.Status404NotFound, ResponseFlags.NoRouteFound).ConfigureAwait(false);
            return;
        }

        // [cors] preflight answered by the proxy

        // [faults] delay (DI), abort (FI)

        // [redirect]

        // [directResponse]

        ctx.Destination = DestinationPicker.Pick(ctx.Route, random);
        if (ctx.Destination is null)
        {
            await LocalReply.SendAsync(ctx, StatusCodes.Status404NotFound, ResponseFlags.NoRouteFound).ConfigureAwait(false);
            return;
        }
        if (!ctx.State.Clusters.TryGetValue(ctx.Destination.ClusterName, out var cluster))
        {
            await LocalReply.SendAsync(ctx, StatusCodes.Status503ServiceUnavailable, ResponseFlags.NoClusterFound).ConfigureAwait(false);
            return;
        }
        ctx.Cluster = cluster;

        // [mirror] fire-and-forget copies

        ctx.HashKey = HashKeyStep.Compute(ctx, random);
        ctx.Upstream = cluster.Balancer.Pick(new LbRequest(ctx.HashKey));
        if (ctx.Upstream is null)
        {
            await LocalReply.SendAsync(ctx, StatusCodes.Status503ServiceUnavailable, ResponseFlags.NoHealthyUpstream, LocalReply.NoHealthyUpstream).ConfigureAwait(false);
            return;
        }

        await ForwardAsync(ctx, cluster).ConfigureAwait(false);
    }

    private async ValueTask ForwardAsync(ProxyContext ctx, ClusterRuntime cluster)
    {
        var first = ctx.Upstream!;
        first.OnRequestStart();
        try
        {
            var error = await forwarder.SendAsync(ctx.Http, first.DestinationPrefix, cluster.Invoker, RequestConfig, new ProxyTransformer(ctx))
                .ConfigureAwait(false);
            var flag = FlagFor(error);
            // A route timeout that cut the response body off has already said why (UT), as Envoy logs it.
            if (flag != ResponseFlags.UpstreamConnectionTermination || !ctx.Flags.Contains(ResponseFlags.UpstreamRequestTimeout, StringComparison.Ordinal))
                ctx.AddFlag(flag);
        }
        finally
        {
            // The attempt loop moves the count to each retry's endpoint; the last one ends here.
            ctx.Upstream!.OnRequestEnd();
        }
    }

    private RequestOutcome Outcome(ProxyContext ctx)
    {
        var request = ctx.Http.Request;
        return new RequestOutcome(
            time.GetUtcNow(), request.Method, request.Path.Value ?? "/", request.Protocol, ctx.Http.Response.StatusCode, ctx.Flags,
            time.GetElapsedTime(ctx.StartTimestamp), ctx.Upstream?.Endpoint.ToString(), ctx.Destination?.ClusterName, ctx.Route?.Name, ctx.View.Authority, ctx.Attempts);
    }

    /// <summary>Flags for what went wrong once the response had started (the attempt loop sets its own).</summary>
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
