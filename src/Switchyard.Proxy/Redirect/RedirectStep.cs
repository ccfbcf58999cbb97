using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.Pipeline;
using Switchyard.Proxy.Telemetry;
using Switchyard.Translation.Policies.Redirect;

namespace Switchyard.Proxy.Redirect;

/// <summary>
/// A redirect route: Envoy's router answers it as a direct response (no upstream call, no
/// response flag) with the redirect code, an empty body and the Location built as Envoy's
/// newUri (<see cref="RedirectLocation"/>).
/// </summary>
public static class RedirectStep
{
    /// <summary>True when the route redirects and the answer was sent; a rule without a redirect costs one null check.</summary>
    public static ValueTask<bool> TryAnswerAsync(ProxyContext ctx) =>
        ctx.Route!.Redirect is { } policy ? AnswerAsync(ctx, policy) : new ValueTask<bool>(false);

    private static async ValueTask<bool> AnswerAsync(ProxyContext ctx, RedirectPolicy policy)
    {
        // Envoy's router sends the redirect through sendLocalReply with an empty body, finalized
        // with the route's response header operations.
        await LocalReply.SendAsync(ctx, policy.Status, ResponseFlags.None, ResponseCodeDetails.DirectResponse,
            location: Location(ctx, policy), finalizeWithRoute: true).ConfigureAwait(false);
        return true;
    }

    /// <summary>The Location for this request under <paramref name="policy"/>.</summary>
    public static string Location(ProxyContext ctx, RedirectPolicy policy)
    {
        var request = ctx.Http.Request;
        var forwarded = request.Headers["x-forwarded-proto"];
        var proto = forwarded.Count == 1 && !string.IsNullOrEmpty(forwarded[0]) ? forwarded[0]! : request.Scheme;
        return RedirectLocation.Build(policy, request.Scheme, proto, request.Host.Value ?? "", ctx.View.PathAndQuery, ctx.View.Port);
    }
}
