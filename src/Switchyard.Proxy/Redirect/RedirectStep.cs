using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Switchyard.Proxy.Headers;
using Switchyard.Proxy.Pipeline;
using Switchyard.Translation.Policies.Redirect;

namespace Switchyard.Proxy.Redirect;

/// <summary>
/// A redirect route: Envoy's router answers it as a direct response (no upstream call, no
/// response flag) with the redirect code, an empty body and the Location built as Envoy's
/// newUri (<see cref="RedirectLocation"/>).
/// </summary>
public static class RedirectStep
{
    /// <summary>True when the route redirects and the answer was set; a rule without a redirect costs one null check.</summary>
    public static bool TryAnswer(ProxyContext ctx)
    {
        if (ctx.Route!.Redirect is not { } policy) return false;
        Answer(ctx, policy.Status, Location(ctx, policy), null);
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

    /// <summary>Envoy's local reply for a route answered by the proxy: a gRPC request gets
    /// a trailers-only gRPC answer; otherwise the status, and the body when there is one.</summary>
    internal static void Answer(ProxyContext ctx, int status, string? location, string? grpcMessage)
    {
        var response = ctx.Http.Response;
        response.StatusCode = status;
        if (location is not null) response.Headers.Location = location;
        // Envoy finalizes a direct response (redirects included) with the route's response header operations.
        if (ctx.Route?.Headers is { } headers) HeadersStep.ApplyToResponse(headers, null, response.Headers);
        if (GrpcLocalReply.IsGrpc(ctx.Http.Request)) GrpcLocalReply.Send(response, status, null, grpcMessage);
    }

}
