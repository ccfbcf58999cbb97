using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Switchyard.Proxy.Pipeline;

/// <summary>
/// Shapes the upstream request and the downstream response for one request. Envoy keeps the
/// client's Host/:authority on the upstream request (the sidecar is transparent); YARP's default
/// would put the endpoint address there instead. It also hands the request's context to the
/// upstream attempt loop through the request message's options.
/// </summary>
public sealed class ProxyTransformer(ProxyContext ctx) : HttpTransformer
{
    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken).ConfigureAwait(false);
        proxyRequest.Headers.Host = httpContext.Request.Host.Value;
        proxyRequest.Options.Set(ProxyContext.OptionsKey, ctx);
        // [rewrite] uri and authority rewrites of the upstream request

        // [headers] request header operations (route, then destination)
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        var copy = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken).ConfigureAwait(false);
        // [headers] response header operations (route, then destination)

        // [cors] CORS response headers for an allowed origin
        return copy;
    }
}
