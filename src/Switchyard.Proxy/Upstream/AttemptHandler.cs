using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.ConnectionPool;
using Switchyard.Proxy.Pipeline;
using Switchyard.Proxy.Retries;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Timeouts;
using Switchyard.Randomness;

namespace Switchyard.Proxy.Upstream;

/// <summary>
/// The upstream attempt loop, under YARP's forwarder, as Envoy's router runs it: each attempt
/// gives an <see cref="AttemptOutcome"/>, which is reported to outlier detection and handed to the
/// request's <see cref="RetryState"/>; the last one becomes the answer, an upstream response
/// passed on or Envoy's local reply (503 UF/UC/UO, 504 UT; URX when retries ran out). The
/// forwarder copies whatever this returns, so the client sees nothing before the loop is done.
/// </summary>
public sealed class AttemptHandler(HttpMessageHandler inner, TimeProvider time, IRandomSource random, AsteriskFormClient? asteriskForm = null)
    : DelegatingHandler(inner)
{
    /// <summary>The cluster's client, as each attempt calls it.</summary>
    private readonly HttpMessageInvoker _upstream = new(inner, disposeHandler: false);

    /// <summary>The attempt loop for one proxied request (see <see cref="RequestInvoker"/>).</summary>
    public Task<HttpResponseMessage> SendAsync(ProxyContext ctx, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var timeouts = AttemptTimeouts.For(ctx, request);
        // OPTIONS * goes out as "*" (RFC 9112 3.2.4), which only the asterisk-form client writes.
        var upstream = asteriskForm is not null && AsteriskFormClient.Applies(ctx.Http) ? asteriskForm.Invoker : _upstream;
        // Without a route timeout (Istio's default) the loop runs directly: no timer, no extra state machine.
        return timeouts.Route > TimeSpan.Zero
            ? WithRouteTimerAsync(ctx, upstream, request, timeouts, cancellationToken)
            : LoopAsync(ctx, upstream, request, timeouts, null, cancellationToken);
    }

    private async Task<HttpResponseMessage> WithRouteTimerAsync(ProxyContext ctx, HttpMessageInvoker upstream, HttpRequestMessage request, AttemptTimeouts timeouts, CancellationToken cancellationToken)
    {
        RouteTimer? routeTimer = new(timeouts.Route, time, cancellationToken);
        try
        {
            var response = await LoopAsync(ctx, upstream, request, timeouts, routeTimer, cancellationToken).ConfigureAwait(false);
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

    private async Task<HttpResponseMessage> LoopAsync(ProxyContext ctx, HttpMessageInvoker upstream, HttpRequestMessage request, AttemptTimeouts timeouts, RouteTimer? routeTimer, CancellationToken cancellationToken)
    {
        var loopToken = routeTimer?.Token ?? cancellationToken;
        var retry = RetryState.Start(ctx, request);
        while (true)
        {
            ctx.Attempts++;
            // One attempt, in this loop's own state machine (no async layer per attempt): pool
            // admission, then the send under the per-try timeout. Only the exceptions an upstream
            // can cause are caught; anything else is a bug in the proxy and is never counted
            // against the endpoint.
            AttemptOutcome outcome;
            if (await PoolAdmission.ApplyAsync(ctx, request, loopToken).ConfigureAwait(false) is { } overflow)
            {
                outcome = AttemptOutcome.Overflowed(overflow);
            }
            else
            {
                using var perTry = timeouts.PerTry > TimeSpan.Zero ? new CancellationTokenSource(timeouts.PerTry, time) : null;
                using var attempt = perTry is null ? null : CancellationTokenSource.CreateLinkedTokenSource(loopToken, perTry.Token);
                try
                {
                    outcome = AttemptOutcome.Answered(await upstream.SendAsync(request, attempt?.Token ?? loopToken).ConfigureAwait(false));
                }
                catch (Exception e) when (UpstreamFailure.IsTransportFailure(e))
                {
                    outcome = UpstreamFailure.OutcomeOf(ctx, e, routeTimer, perTry, cancellationToken);
                }
            }
            if (outcome.ReachedEndpoint) ctx.Cluster!.Outlier?.Report(ctx.Upstream!, outcome.Response, outcome.FailureForOutlier);

            var status = retry.ShouldRetry(outcome, ctx, request);
            if (status == RetryStatus.Yes)
            {
                outcome.Response?.Dispose();
                bool waited;
                try
                {
                    waited = await BackOffAsync(retry.NextBackoff(random), loopToken, routeTimer, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    // Also when the client leaves mid-backoff: the retry breaker's place is never leaked.
                    retry.EndBackoff(ctx);
                }
                if (!waited) return Answer(ctx, AttemptOutcome.Failed(AttemptOutcomeKind.RouteTimeout));
                retry.MoveToNext(ctx, request);
                continue;
            }
            if (status == RetryStatus.NoRetryLimitExceeded) ctx.AddFlag(ResponseFlags.UpstreamRetryLimitExceeded);
            else if (status == RetryStatus.NoOverflow) ctx.AddFlag(ResponseFlags.UpstreamOverflow);
            return Answer(ctx, outcome);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) asteriskForm?.Dispose();
        base.Dispose(disposing);
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

    /// <summary>The last attempt's outcome as the answer the forwarder copies: the upstream's
    /// response, or the local reply Envoy's router sends for it (onUpstreamAbort).</summary>
    private static HttpResponseMessage Answer(ProxyContext ctx, in AttemptOutcome outcome)
    {
        switch (outcome.Kind)
        {
            case AttemptOutcomeKind.Response:
                ctx.Details = ResponseCodeDetails.ViaUpstream;
                return outcome.Response!;
            case AttemptOutcomeKind.Overflow:
                return outcome.Response!;
            case AttemptOutcomeKind.RouteTimeout:
                return LocalReply.ToMessage(ctx, StatusCodes.Status504GatewayTimeout, ResponseFlags.UpstreamRequestTimeout, ResponseCodeDetails.ResponseTimeout, LocalReply.UpstreamTimeout);
            case AttemptOutcomeKind.PerTryTimeout:
                return LocalReply.ToMessage(ctx, StatusCodes.Status504GatewayTimeout, ResponseFlags.UpstreamRequestTimeout, ResponseCodeDetails.PerTryTimeout, LocalReply.UpstreamTimeout);
            case AttemptOutcomeKind.ConnectFailure:
                return LocalReply.ToMessage(ctx, StatusCodes.Status503ServiceUnavailable, ResponseFlags.UpstreamConnectionFailure, ResponseCodeDetails.ConnectFailure, UpstreamFailure.ConnectFailureBody);
            case AttemptOutcomeKind.RefusedStream:
                return LocalReply.ToMessage(ctx, StatusCodes.Status503ServiceUnavailable, ResponseFlags.UpstreamConnectionTermination, ResponseCodeDetails.RefusedStream, UpstreamFailure.RefusedStreamBody);
            case AttemptOutcomeKind.Reset:
                return LocalReply.ToMessage(ctx, StatusCodes.Status503ServiceUnavailable, ResponseFlags.UpstreamConnectionTermination, ResponseCodeDetails.ConnectionTermination, UpstreamFailure.TerminationBody);
            default:
                // The client is gone or its body failed: nobody to answer. The forwarder sees the
                // client's error (and reports it as such); the flag says why, as Envoy's DC.
                ctx.AddFlag(ResponseFlags.DownstreamConnectionTermination);
                ctx.Details = ResponseCodeDetails.DownstreamRemoteDisconnect;
                ExceptionDispatchInfo.Throw(outcome.Error!);
                return null!;
        }
    }
}
