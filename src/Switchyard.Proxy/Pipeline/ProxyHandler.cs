using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.Cors;
using Switchyard.Proxy.DirectResponse;
using Switchyard.Proxy.Faults;
using Switchyard.Proxy.LoadBalancing;
using Switchyard.Proxy.Mirror;
using Switchyard.Proxy.Redirect;
using Switchyard.Proxy.Runtime;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Upstream;
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

    public Task HandleAsync(HttpContext context)
    {
        var ctx = new ProxyContext(context, state.Current, new HttpRequestView(context, listenerPort), time.GetTimestamp());
        // Without an outcome reader the request runs in RunAsync's own state machine, no wrapper.
        return onOutcome is null ? RunAsync(ctx) : RunWithOutcomeAsync(ctx, onOutcome);
    }

    private async Task RunWithOutcomeAsync(ProxyContext ctx, Action<RequestOutcome> report)
    {
        // Counting body bytes costs two wrappers per request, so only when someone reads the outcome.
        var context = ctx.Http;
        var received = new ByteCountingStream(context.Request.Body);
        var sent = new ByteCountingStream(context.Response.Body);
        context.Request.Body = received;
        context.Response.Body = sent;
        await RunAsync(ctx).ConfigureAwait(false);
        report(Outcome(ctx, received.Count, sent.Count));
    }

    private async Task RunAsync(ProxyContext ctx)
    {
        var vhost = ctx.State.Snapshot.FindVirtualHost(ctx.Http.Request.Host.Value.AsSpan());
        ctx.Route = vhost is null ? null : RouteTable.Match(vhost, ctx.View);
        if (ctx.Route is null)
        {
            await LocalReply.SendAsync(ctx, StatusCodes.Status404NotFound, ResponseFlags.NoRouteFound).ConfigureAwait(false);
            return;
        }

        if (ctx.Route.Cors is { } cors && CorsStep.Apply(ctx, cors)) return;

        if (await FaultStep.ApplyAsync(ctx, random, time).ConfigureAwait(false)) return;

        if (RedirectStep.TryAnswer(ctx)) return;

        if (await DirectResponseStep.ApplyAsync(ctx).ConfigureAwait(false)) return;

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
        // Holds the cluster's upstream client until the request ends, so a reload that replaces it disposes it only then.
        using var client = cluster.AcquireClient();

        await MirrorStep.StartAsync(ctx, random, time).ConfigureAwait(false);

        ctx.HashKey = HashKeyStep.Compute(ctx, random);
        ctx.Upstream = cluster.Balancer.Pick(new LbRequest(ctx.HashKey));
        if (ctx.Upstream is null)
        {
            await LocalReply.SendAsync(ctx, StatusCodes.Status503ServiceUnavailable, ResponseFlags.NoHealthyUpstream, LocalReply.NoHealthyUpstream).ConfigureAwait(false);
            return;
        }

        // Forward (inline rather than a helper: one async state machine less per request).
        var first = ctx.Upstream!;
        first.OnRequestStart();
        try
        {
            var error = await forwarder.SendAsync(ctx.Http, first.DestinationPrefix, new RequestInvoker(client.Invoker.Attempts, ctx), RequestConfig, ProxyTransformer.For(ctx))
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

    private RequestOutcome Outcome(ProxyContext ctx, long bytesReceived, long bytesSent)
    {
        var http = ctx.Http;
        var request = http.Request;
        var connection = http.Connection;
        return new RequestOutcome(
            time.GetUtcNow() - time.GetElapsedTime(ctx.StartTimestamp), request.Method, request.Path.Value ?? "/", request.Protocol,
            http.Response.StatusCode, ctx.Flags, time.GetElapsedTime(ctx.StartTimestamp), ctx.Upstream?.Endpoint.ToString(),
            ctx.Destination?.ClusterName, ctx.Route?.Name, ctx.View.Authority)
        {
            BytesReceived = bytesReceived,
            BytesSent = bytesSent,
            ResponseCodeDetails = ResponseCodeDetails.For(ctx.Flags, ctx.Upstream is not null, ctx.Route is { DirectResponse: not null } or { Redirect: not null }),
            ForwardedFor = request.Headers["x-forwarded-for"].ToString(),
            UserAgent = request.Headers.UserAgent.ToString(),
            RequestId = request.Headers["x-request-id"].ToString(),
            DownstreamLocalAddress = connection.LocalIpAddress is { } local ? $"{local}:{connection.LocalPort}" : null,
            DownstreamRemoteAddress = connection.RemoteIpAddress is { } remote ? $"{remote}:{connection.RemotePort}" : null,
            Attempts = ctx.Attempts,
        };
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
