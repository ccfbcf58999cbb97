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

    private static readonly byte[] AbortBodyBytes = System.Text.Encoding.UTF8.GetBytes(AbortBody);

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
            ctx.AddFlag(ResponseFlags.DelayInjected);
            try
            {
                await Task.Delay(delay.Delay, time, ctx.Http.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                ctx.AddFlag(ResponseFlags.DownstreamConnectionTermination);
                return true;
            }
        }
        if (fault.Abort is not { } abort || !abort.Share.Hit(random)) return false;

        ctx.AddFlag(ResponseFlags.FaultInjected);
        var response = ctx.Http.Response;
        if (GrpcLocalReply.IsGrpc(ctx.Http.Request))
        {
            GrpcLocalReply.Send(response, abort.HttpStatus, abort.GrpcStatus, AbortBody);
            return true;
        }
        response.StatusCode = abort.HttpStatus;
        response.ContentType = "text/plain";
        response.ContentLength = AbortBodyBytes.Length;
        await response.Body.WriteAsync(AbortBodyBytes, ctx.Http.RequestAborted).ConfigureAwait(false);
        return true;
    }
}
