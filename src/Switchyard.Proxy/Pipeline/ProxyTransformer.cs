using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.Headers;
using Switchyard.Proxy.Rewrite;
using Yarp.ReverseProxy.Forwarder;

namespace Switchyard.Proxy.Pipeline;

/// <summary>
/// Shapes the upstream request and the downstream response for one request. Envoy keeps the
/// client's Host/:authority on the upstream request (the sidecar is transparent); YARP's default
/// would put the endpoint address there instead.
/// </summary>
public sealed class ProxyTransformer(ProxyContext ctx) : HttpTransformer
{
    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken).ConfigureAwait(false);
        proxyRequest.Headers.Host = httpContext.Request.Host.Value;
        if (ctx.Route!.Rewrite is { } rewrite) RewriteStep.Apply(ctx, rewrite, proxyRequest, destinationPrefix);

        if (ctx.Route.Headers is { } headers) HeadersStep.ApplyToRequest(headers, ctx.Destination, proxyRequest);
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        var copy = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken).ConfigureAwait(false);
        if (proxyResponse is not null && ctx.Route!.Headers is { } headers) HeadersStep.ApplyToResponse(headers, ctx.Destination, httpContext.Response.Headers);

        // CORS response headers are set by CorsStep as the response starts, so local replies get them too.
        return copy;
    }
}
