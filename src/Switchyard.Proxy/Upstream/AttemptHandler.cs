using System.Net;
using Switchyard.Proxy.ConnectionPool;
using Switchyard.Proxy.LoadBalancing;
using Switchyard.Proxy.Pipeline;
using Switchyard.Proxy.Retries;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Timeouts;
using Switchyard.Randomness;

namespace Switchyard.Proxy.Upstream;

/// <summary>
/// The upstream attempt loop, under YARP's forwarder: the forwarder builds the request and copies
/// whatever response this returns, so pool admission, the choice of endpoint on a retry, per-try
/// and route timeouts, outlier reporting and retries all happen here, before the client sees a
/// byte. A failure before response headers becomes Envoy's local reply (503 UF/UC, 504 UT)
/// instead of YARP's 502; a retriable outcome with no retry left adds URX, as Envoy's router does.
/// </summary>
public sealed class AttemptHandler(HttpMessageHandler inner, TimeProvider time, IRandomSource random) : DelegatingHandler(inner)
{
    /// <summary>The attempt loop for one proxied request (see <see cref="RequestInvoker"/>).</summary>
    public Task<HttpResponseMessage> SendAsync(ProxyContext ctx, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // [timeouts] route timeout over all attempts
        var timeouts = AttemptTimeouts.For(ctx, request);
        // Without a route timeout (Istio's default) the loop runs directly: no timer, no extra state machine.
        return timeouts.Route > TimeSpan.Zero
            ? WithRouteTimerAsync(ctx, request, timeouts, cancellationToken)
            : AttemptAsync(ctx, request, timeouts, null, cancellationToken);
    }

    private async Task<HttpResponseMessage> WithRouteTimerAsync(ProxyContext ctx, HttpRequestMessage request, AttemptTimeouts timeouts, CancellationToken cancellationToken)
    {
        RouteTimer? routeTimer = new(timeouts.Route, time, cancellationToken);
        try
        {
            var response = await AttemptAsync(ctx, request, timeouts, routeTimer, cancellationToken).ConfigureAwait(false);
            // The route timeout also covers the response body (Envoy: until the upstream response is complete).
            if (!routeTimer.Fired)
            {
                routeTimer.WatchBody(ctx, response);
                routeTimer = null;
            }
            return response;
        }
        finally
        {
            routeTimer?.Dispose();
        }
    }

    private async Task<HttpResponseMessage> AttemptAsync(ProxyContext ctx, HttpRequestMessage request, AttemptTimeouts timeouts, RouteTimer? routeTimer, CancellationToken cancellationToken)
    {
        var loopToken = routeTimer?.Token ?? cancellationToken;

        var retry = ctx.Route!.Retries;
        var retriesLeft = RetryStart.Prepare(retry, ctx, request);
        var mayRetry = retriesLeft > 0;
        var backoff = new RetryBackoff(retry?.BaseInterval ?? default);
        EndpointState[]? tried = null;
        while (true)
        {
            ctx.Attempts++;
            if (await PoolAdmission.ApplyAsync(ctx, request, loopToken).ConfigureAwait(false) is { } overflow) return overflow;

            HttpResponseMessage? response = null;
            UpstreamFailureKind? failure = null;
            bool perTryTimedOut = false, routeTimedOut = false;
            using (var perTry = timeouts.PerTry > TimeSpan.Zero ? new CancellationTokenSource(timeouts.PerTry, time) : null)
            using (var attempt = perTry is null ? null : CancellationTokenSource.CreateLinkedTokenSource(loopToken, perTry.Token))
            {
                try
                {
                    response = await base.SendAsync(request, attempt?.Token ?? loopToken).ConfigureAwait(false);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested && routeTimer?.Fired == true)
                {
                    routeTimedOut = true;
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested && perTry?.IsCancellationRequested == true)
                {
                    perTryTimedOut = true;
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = UpstreamFailure.Classify(e);
                }
            }
            // Envoy reports a timed-out attempt as a local-origin failure (LocalOriginTimeout).
            ctx.Cluster!.Outlier?.Report(ctx.Upstream!, response,
                failure ?? (perTryTimedOut || routeTimedOut ? UpstreamFailureKind.Reset : null));

            // [retries] decide, pick another endpoint, replay the body
            var retriable = mayRetry && !routeTimedOut && (response is not null ? RetryDecision.ForResponse(retry!, response, request)
                : perTryTimedOut ? RetryDecision.ForPerTryTimeout(retry!) : RetryDecision.ForFailure(retry!, failure!.Value));
            var budgetRefused = false;
            if (retriable && retriesLeft > 0 && request.Content is not ReplayableContent { CanReplay: false })
            {
                // connectionPool.http.maxRetries: Envoy's retry circuit breaker holds a place from
                // scheduling a retry until its backoff ends; without one the retry is not made (UO).
                var pool = ctx.Cluster!.Pool;
                if (pool is null || pool.TryStartRetry())
                {
                    retriesLeft--;
                    response?.Dispose();
                    bool waited;
                    try
                    {
                        waited = await BackOffAsync(backoff.Next(random), loopToken, routeTimer, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        pool?.EndRetry();
                    }
                    if (!waited)
                        return LocalReply.ToMessage(ctx, HttpStatusCode.GatewayTimeout, ResponseFlags.UpstreamRequestTimeout, LocalReply.UpstreamTimeout);
                    RetryTarget.MoveToNext(ctx, retry!, request, ref tried);
                    continue;
                }
                budgetRefused = true;
                ctx.AddFlag(ResponseFlags.UpstreamOverflow);
            }

            var final = response
                ?? (routeTimedOut || perTryTimedOut
                    ? LocalReply.ToMessage(ctx, HttpStatusCode.GatewayTimeout, ResponseFlags.UpstreamRequestTimeout, LocalReply.UpstreamTimeout)
                    : ResetReply(ctx, failure!.Value));
            if (retriable && retriesLeft == 0 && !budgetRefused) ctx.AddFlag(ResponseFlags.UpstreamRetryLimitExceeded);
            return final;
        }
    }

    /// <summary>Waits out the backoff; false when the route timeout fired meanwhile.</summary>
    private async Task<bool> BackOffAsync(TimeSpan delay, CancellationToken loopToken, RouteTimer? routeTimer, CancellationToken downstream)
    {
        try
        {
            await Task.Delay(delay, time, loopToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!downstream.IsCancellationRequested && routeTimer?.Fired == true)
        {
            return false;
        }
    }

    private static HttpResponseMessage ResetReply(ProxyContext ctx, UpstreamFailureKind kind)
    {
        var flag = kind == UpstreamFailureKind.ConnectFailure ? ResponseFlags.UpstreamConnectionFailure : ResponseFlags.UpstreamConnectionTermination;
        return LocalReply.ToMessage(ctx, HttpStatusCode.ServiceUnavailable, flag, LocalReply.ResetBeforeHeaders + UpstreamFailure.Reason(kind));
    }
}
