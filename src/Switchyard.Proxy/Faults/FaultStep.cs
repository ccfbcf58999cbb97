using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.Pipeline;
using Switchyard.Proxy.Telemetry;
using Switchyard.Randomness;
using Switchyard.Translation.Policies.Faults;

namespace Switchyard.Proxy.Faults;

/// <summary>
/// Envoy's fault filter, which Istio places before the router: so a fault applies before any
/// destination, cluster, retry or timeout. A drawn delay holds the request (flag DI) and then it
/// goes on; a drawn abort answers locally (flag FI, body "fault filter abort"). With both, Envoy
/// delays first and decides the abort after the delay (FaultFilter::postDelayInjection).
/// </summary>
public static class FaultStep
{
    /// <summary>Envoy's local-reply body for an injected abort.</summary>
    public const string AbortBody = "fault filter abort";

    /// <summary>True when the request was answered here (aborted, or the client left during the delay).
    /// A rule without a fault costs one null check and no allocation.</summary>
    public static ValueTask<bool> ApplyAsync(ProxyContext ctx, IRandomSource random, TimeProvider time)
    {
        var fault = ctx.Route!.Fault;
        return fault is null ? new ValueTask<bool>(false) : InjectAsync(ctx, fault, random, time);
    }

    private static async ValueTask<bool> InjectAsync(ProxyContext ctx, FaultPolicy fault, IRandomSource random, TimeProvider time)
    {
        if (fault.Delay is { } delay && delay.Share.Hit(random))
        {
            // DI only marks the request; it does not answer it, so it sets no response code details.
            ctx.AddFlag(ResponseFlags.DelayInjected);
            try
            {
                await Task.Delay(delay.Delay, time, ctx.Http.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                ctx.AddFlag(ResponseFlags.DownstreamConnectionTermination);
                ctx.Details = ResponseCodeDetails.DownstreamRemoteDisconnect;
                return true;
            }
        }
        if (fault.Abort is not { } abort || !abort.Share.Hit(random)) return false;

        await LocalReply.SendAsync(ctx, abort.HttpStatus, ResponseFlags.FaultInjected, ResponseCodeDetails.FaultAbort,
            LocalReply.FaultAbort, grpcStatus: abort.GrpcStatus).ConfigureAwait(false);
        return true;
    }
}
