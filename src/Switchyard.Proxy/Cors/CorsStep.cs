using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.Pipeline;
using Switchyard.Proxy.Telemetry;
using Switchyard.Translation.Policies.Cors;

namespace Switchyard.Proxy.Cors;

/// <summary>
/// Envoy's CORS filter (extensions/filters/http/cors, first in Istio's sidecar chain). A request
/// with an Origin is a CORS request. A preflight (OPTIONS + Origin + Access-Control-Request-Method)
/// whose origin is allowed is answered here with 200 and the allow-* headers; one whose origin is
/// not allowed is forwarded (FORWARD) or answered here with 200 but no allow-origin (IGNORE).
/// Any other response to an allowed origin, upstream or local, gets allow-origin (the request's
/// origin, echoed), allow-credentials and expose-headers, set over whatever was there.
/// </summary>
public static class CorsStep
{
    /// <summary>True when the preflight was answered here (status and headers set, no body) and the request is done.</summary>
    public static ValueTask<bool> ApplyAsync(ProxyContext ctx, CrossOriginPolicy policy)
    {
        var request = ctx.Http.Request;
        var origin = request.Headers.Origin;
        if (origin.Count == 0 || string.IsNullOrEmpty(origin[0])) return new ValueTask<bool>(false);
        var allowed = policy.Allows(origin[0]!);
        var requestMethod = request.Headers.AccessControlRequestMethod;
        var preflight = HttpMethods.IsOptions(request.Method) && requestMethod.Count > 0 && !string.IsNullOrEmpty(requestMethod[0]);
        if (!preflight)
        {
            if (allowed) ctx.Http.Response.OnStarting(static state => AddResponseHeaders((ProxyContext)state), ctx);
            return new ValueTask<bool>(false);
        }
        if (!allowed && policy.ForwardUnmatchedPreflights) return new ValueTask<bool>(false);

        var headers = ctx.Http.Response.Headers;
        if (allowed) headers.AccessControlAllowOrigin = origin[0];
        if (policy.AllowCredentials) headers.AccessControlAllowCredentials = "true";
        if (policy.AllowMethods.Length > 0)
            headers.AccessControlAllowMethods = policy.AllowMethods == "*" ? requestMethod[0] : policy.AllowMethods;
        if (policy.AllowHeaders.Length > 0)
            headers.AccessControlAllowHeaders = policy.AllowHeaders == "*" ? request.Headers.AccessControlRequestHeaders.ToString() : policy.AllowHeaders;
        if (policy.MaxAge is { } maxAge) headers.AccessControlMaxAge = maxAge;
        headers.ContentLength = 0;
        return AnswerAsync(ctx);
    }

    // Envoy's CORS filter answers the preflight itself, with details "cors_response".
    private static async ValueTask<bool> AnswerAsync(ProxyContext ctx)
    {
        await LocalReply.SendAsync(ctx, StatusCodes.Status200OK, ResponseFlags.None, ResponseCodeDetails.CorsResponse).ConfigureAwait(false);
        return true;
    }

    private static Task AddResponseHeaders(ProxyContext ctx)
    {
        var policy = ctx.Route!.Cors!;
        var headers = ctx.Http.Response.Headers;
        headers.AccessControlAllowOrigin = ctx.Http.Request.Headers.Origin[0];
        if (policy.AllowCredentials) headers.AccessControlAllowCredentials = "true";
        if (policy.ExposeHeaders.Length > 0) headers.AccessControlExposeHeaders = policy.ExposeHeaders;
        return Task.CompletedTask;
    }
}
