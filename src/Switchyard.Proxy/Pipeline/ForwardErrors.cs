using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.Telemetry;
using Yarp.ReverseProxy.Forwarder;

namespace Switchyard.Proxy.Pipeline;

/// <summary>
/// What the forwarder's error means once the attempt loop is done: it reports what went wrong
/// after the response started (or a failure the loop handed back: the client's). Flags and
/// details as Envoy records them at that point.
/// </summary>
public static class ForwardErrors
{
    public static void Record(ProxyContext ctx, ForwarderError error)
    {
        // The attempt loop already said the client's request failed (DC); what the forwarder
        // makes of the exception it handed back adds nothing.
        if ((ctx.Flags & ResponseFlags.DownstreamConnectionTermination) != 0) return;
        switch (error)
        {
            case ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.RequestBodyClient
                or ForwarderError.ResponseBodyCanceled or ForwarderError.ResponseBodyClient
                or ForwarderError.UpgradeRequestCanceled or ForwarderError.UpgradeRequestClient
                or ForwarderError.UpgradeResponseCanceled or ForwarderError.UpgradeResponseClient:
                ctx.AddFlag(ResponseFlags.DownstreamConnectionTermination);
                ctx.Details = ResponseCodeDetails.DownstreamRemoteDisconnect;
                break;
            case ForwarderError.Request:
                // The attempt loop answers every upstream failure itself and hands back only the
                // client's (already flagged DC); anything else the forwarder caught is the proxy's
                // own failure, never the upstream's: 500, as the request path's finally does.
                if (!ctx.Http.Response.HasStarted) ctx.Http.Response.StatusCode = StatusCodes.Status500InternalServerError;
                ctx.Details = ResponseCodeDetails.InternalError;
                break;
            case ForwarderError.RequestTimedOut:
                ctx.AddFlag(ResponseFlags.UpstreamRequestTimeout);
                ctx.Details = ResponseCodeDetails.ResponseTimeout;
                break;
            case ForwarderError.ResponseBodyDestination or ForwarderError.RequestBodyDestination
                or ForwarderError.UpgradeResponseDestination or ForwarderError.UpgradeRequestDestination:
                // A route timeout that cut the response body off has already said why (UT), as Envoy logs it.
                if ((ctx.Flags & ResponseFlags.UpstreamRequestTimeout) != 0) break;
                ctx.AddFlag(ResponseFlags.UpstreamConnectionTermination);
                ctx.Details = ResponseCodeDetails.ResetAfterResponseStarted;
                break;
            default:
                ctx.AddFlag(ResponseFlags.UpstreamConnectionFailure);
                ctx.Details = ResponseCodeDetails.ConnectFailure;
                break;
        }
    }
}
