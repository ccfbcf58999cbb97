using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.Cors;
using Switchyard.Proxy.DirectResponse;
using Switchyard.Proxy.Faults;
using Switchyard.Proxy.Hosting;
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
/// Whatever happens, the request's endpoint place and retry buffer are given back and its outcome
/// is reported, in a <c>finally</c>.
/// </summary>
public sealed class ProxyHandler(
    ProxyStateHolder state,
    IHttpForwarder forwarder,
    IRandomSource random,
    TimeProvider time,
    int listenerPort,
    Action<RequestOutcome>? onOutcome,
    Telemetry.Metrics.IstioMetrics? metrics = null)
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
        try
        {
            await RunAsync(ctx).ConfigureAwait(false);
        }
        finally
        {
            report(RequestOutcomeBuilder.Build(ctx, time, received.Count, sent.Count));
        }
    }

    private async Task RunAsync(ProxyContext ctx)
    {
        // One method for the whole path (no helper state machine per request), inside the try
        // whose finally gives back what the request holds. The downstream connection is marked
        // busy meanwhile, so the connection cap sheds idle connections first.
        var connection = ctx.Http.Features.Get<DownstreamConnection>();
        connection?.RequestStarted();
        try
        {
            if (!AuthorityPort.IsValid(ctx.Http.Request.Host))
            {
                // Envoy's HTTP connection manager refuses an :authority it cannot parse: 400, no flag.
                await LocalReply.SendAsync(ctx, StatusCodes.Status400BadRequest, ResponseFlags.None, AuthorityPort.InvalidAuthorityDetails).ConfigureAwait(false);
                return;
            }
            var vhost = ctx.State.Snapshot.FindVirtualHost(ctx.Http.Request.Host.Value.AsSpan());
            var matchIndex = RouteMatcher.NoMatch;
            ctx.Route = vhost is null ? null : RouteTable.Match(vhost, ctx.View, out matchIndex);
            ctx.MatchIndex = matchIndex;
            if (ctx.Route is null)
            {
                await LocalReply.SendAsync(ctx, StatusCodes.Status404NotFound, ResponseFlags.NoRouteFound, ResponseCodeDetails.RouteNotFound).ConfigureAwait(false);
                return;
            }

            if (ctx.Route.Cors is { } cors && await CorsStep.ApplyAsync(ctx, cors).ConfigureAwait(false)) return;

            if (await FaultStep.ApplyAsync(ctx, random, time).ConfigureAwait(false)) return;

            if (await RedirectStep.TryAnswerAsync(ctx).ConfigureAwait(false)) return;

            if (await DirectResponseStep.ApplyAsync(ctx).ConfigureAwait(false)) return;

            ctx.Destination = DestinationPicker.Pick(ctx.Route, random);
            if (ctx.Destination is null)
            {
                await LocalReply.SendAsync(ctx, StatusCodes.Status404NotFound, ResponseFlags.NoRouteFound, ResponseCodeDetails.RouteNotFound).ConfigureAwait(false);
                return;
            }
            if (!ctx.State.Clusters.TryGetValue(ctx.Destination.ClusterName, out var cluster))
            {
                await LocalReply.SendAsync(ctx, StatusCodes.Status503ServiceUnavailable, ResponseFlags.NoClusterFound, ResponseCodeDetails.ClusterNotFound).ConfigureAwait(false);
                return;
            }
            ctx.Cluster = cluster;
            // Holds the cluster's upstream client until the request ends, so a reload that replaces it disposes it only then.
            using var client = cluster.AcquireClient();
            if (!client.IsHeld)
            {
                await LocalReply.SendAsync(ctx, StatusCodes.Status503ServiceUnavailable, ResponseFlags.NoClusterFound, ResponseCodeDetails.ClusterNotFound).ConfigureAwait(false);
                return;
            }

            await MirrorStep.StartAsync(ctx, random, time).ConfigureAwait(false);

            ctx.HashKey = HashKeyStep.Compute(ctx, random);
            if (cluster.Balancer.Pick(new LbRequest(ctx.HashKey)) is not { } endpoint)
            {
                await LocalReply.SendAsync(ctx, StatusCodes.Status503ServiceUnavailable, ResponseFlags.NoHealthyUpstream, ResponseCodeDetails.NoHealthyUpstream,
                    LocalReply.NoHealthyUpstream).ConfigureAwait(false);
                return;
            }
            // From here the endpoint's active-request count is the lease's; RunAsync ends it.
            ctx.Lease.Start(endpoint);

            var error = await forwarder.SendAsync(ctx.Http, endpoint.DestinationPrefix, new RequestInvoker(client.Invoker.Attempts, ctx), RequestConfig, ProxyTransformer.For(ctx, endpoint))
                .ConfigureAwait(false);
            if (error != ForwarderError.None) ForwardErrors.Record(ctx, error);
        }
        catch (Exception) when (ctx.Http.RequestAborted.IsCancellationRequested)
        {
            // The client went away while a step still worked for it (reading its body for a
            // mirror, writing a local reply): Envoy's DC, neither our failure nor the upstream's.
            ctx.AddFlag(ResponseFlags.DownstreamConnectionTermination);
            ctx.Details = ResponseCodeDetails.DownstreamRemoteDisconnect;
            throw;
        }
        catch (Exception) when (!ctx.Http.Response.HasStarted)
        {
            // A bug in the proxy, not the upstream's doing: the client gets a 500 (Kestrel logs the
            // exception and sends it), and the access log says so.
            ctx.Http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            ctx.Details = ResponseCodeDetails.InternalError;
            throw;
        }
        finally
        {
            ctx.Lease.End();
            ctx.RetryBody?.Release();
            // Istio's request metrics: one call, no allocation once the request's series exists.
            metrics?.Record(ctx);
            Telemetry.Tracing.RequestSpans.Record(ctx, time);
            connection?.RequestEnded();
        }
    }
}
