using Switchyard.Proxy.ConnectionPool;
using Switchyard.Proxy.Pipeline;
using Switchyard.Proxy.Timeouts;

namespace Switchyard.Proxy.Upstream;

/// <summary>
/// One upstream attempt: pool admission, then the send under the per-try timeout, with what
/// happened told as an <see cref="AttemptOutcome"/>. Only the exceptions an upstream can cause
/// (<see cref="UpstreamFailure.IsTransportFailure"/>) are caught; a downstream failure surfacing
/// through the send is told apart (<see cref="UpstreamFailure.IsDownstream"/>), and any other
/// exception, a bug in the proxy, propagates and is never counted against the endpoint.
/// </summary>
public static class UpstreamAttempt
{
    public static async ValueTask<AttemptOutcome> RunAsync(ProxyContext ctx, HttpRequestMessage request,
        HttpMessageInvoker upstream,
        TimeSpan perTryTimeout, TimeProvider time, RouteTimer? routeTimer, CancellationToken loopToken, CancellationToken downstream)
    {
        if (await PoolAdmission.ApplyAsync(ctx, request, loopToken).ConfigureAwait(false) is { } overflow)
            return AttemptOutcome.Overflowed(overflow);

        using var perTry = perTryTimeout > TimeSpan.Zero ? new CancellationTokenSource(perTryTimeout, time) : null;
        using var attempt = perTry is null ? null : CancellationTokenSource.CreateLinkedTokenSource(loopToken, perTry.Token);
        try
        {
            return AttemptOutcome.Answered(await upstream.SendAsync(request, attempt?.Token ?? loopToken).ConfigureAwait(false));
        }
        catch (Exception e) when (UpstreamFailure.IsTransportFailure(e))
        {
            return Failed(ctx, e, routeTimer, perTry, downstream);
        }
    }

    /// <summary>What a transport failure of the send means: the client's doing (DC), the route or
    /// per-try timeout, or the upstream's failure in Envoy's terms.</summary>
    public static AttemptOutcome Failed(ProxyContext ctx, Exception e, RouteTimer? routeTimer, CancellationTokenSource? perTry, CancellationToken downstream)
    {
        if (downstream.IsCancellationRequested || UpstreamFailure.IsDownstream(e, ctx.Http.RequestAborted))
            return AttemptOutcome.Downstream(e);
        if (routeTimer?.Fired == true) return AttemptOutcome.Failed(AttemptOutcomeKind.RouteTimeout);
        if (perTry?.IsCancellationRequested == true) return AttemptOutcome.Failed(AttemptOutcomeKind.PerTryTimeout);
        return AttemptOutcome.From(UpstreamFailure.Classify(e));
    }
}
