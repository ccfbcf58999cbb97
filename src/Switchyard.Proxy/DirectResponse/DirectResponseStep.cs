using Switchyard.Proxy.Pipeline;
using Switchyard.Proxy.Redirect;
using Switchyard.Proxy.Telemetry;
using Switchyard.Translation.Policies.DirectResponse;
using Switchyard.Translation.Policies.Redirect;

namespace Switchyard.Proxy.DirectResponse;

/// <summary>
/// A directResponse route: Envoy's router answers with the status and body (no upstream call, no
/// response flag). As every Envoy local reply, a non-empty body is sent as text/plain with its
/// content-length whatever its bytes; a 201 or 3xx also gets a Location, the request's own URL
/// (Router::Filter::decodeHeaders adds it per RFC 7231 7.1.2).
/// </summary>
public static class DirectResponseStep
{
    /// <summary>True when the route answers directly; a rule without one costs one null check.</summary>
    public static ValueTask<bool> ApplyAsync(ProxyContext ctx)
    {
        var policy = ctx.Route!.DirectResponse;
        return policy is null ? new ValueTask<bool>(false) : AnswerAsync(ctx, policy);
    }

    private static async ValueTask<bool> AnswerAsync(ProxyContext ctx, DirectResponsePolicy policy)
    {
        var status = policy.Status;
        var location = status == 201 || status is >= 300 and < 400 ? RedirectStep.Location(ctx, RedirectPolicy.SameUrl) : null;
        await LocalReply.SendAsync(ctx, status, ResponseFlags.None, ResponseCodeDetails.DirectResponse, policy.Body,
            location: location, finalizeWithRoute: true).ConfigureAwait(false);
        return true;
    }
}
