using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.Headers;
using Switchyard.Proxy.LoadBalancing;
using Switchyard.Proxy.Rewrite;
using Switchyard.Proxy.Upstream;
using Yarp.ReverseProxy.Forwarder;

namespace Switchyard.Proxy.Pipeline;

/// <summary>
/// Shapes the upstream request and the downstream response for one request. Envoy keeps the
/// client's Host/:authority on the upstream request (the sidecar is transparent); YARP's default
/// would put the endpoint address there instead.
/// </summary>
public sealed class ProxyTransformer : HttpTransformer
{
    private readonly ProxyContext? _ctx;
    private readonly DestinationUris _uris;

    private ProxyTransformer(ProxyContext? ctx, DestinationUris uris) => (_ctx, _uris) = (ctx, uris);

    /// <summary>The transformer for this request to <paramref name="endpoint"/>: the endpoint's
    /// shared one (nothing per request) unless the route rewrites or edits headers.</summary>
    public static ProxyTransformer For(ProxyContext ctx, EndpointState endpoint) =>
        ctx.Route is { Rewrite: null, Headers: null }
            ? endpoint.PlainTransformer ??= new ProxyTransformer(null, endpoint.Uris)
            : new ProxyTransformer(ctx, endpoint.Uris);

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        // The forwarder builds the URI only when the transformer left it unset; the endpoint's
        // cache gives the same URI without parsing it again.
        proxyRequest.RequestUri = _uris.For(httpContext.Request.Path, httpContext.Request.QueryString);
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken).ConfigureAwait(false);
        // YARP copied the client's Host as it came (unparsed); Envoy forwards it unchanged too.
        // Setting Headers.Host anyway would parse the copied value and validate the new one, each
        // through System.Uri (~4,000 instructions a request, callgrind), to store the same text.
        if (!proxyRequest.Headers.NonValidated.Contains("Host")) proxyRequest.Headers.Host = httpContext.Request.Host.Value;
        ConnectionNominatedHeaders.RemoveFrom(httpContext.Request, proxyRequest);
        if (_ctx is not { } ctx) return;
        if (ctx.Route!.Rewrite is { } rewrite) RewriteStep.Apply(ctx, rewrite, proxyRequest, destinationPrefix);

        if (ctx.Route.Headers is { } headers) HeadersStep.ApplyToRequest(headers, ctx.Destination, proxyRequest);
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        var copy = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken).ConfigureAwait(false);
        if (proxyResponse is not null) ConnectionNominatedHeaders.RemoveFrom(proxyResponse, httpContext.Response.Headers);
        if (proxyResponse is not null && _ctx?.Route!.Headers is { } headers) HeadersStep.ApplyToResponse(headers, _ctx.Destination, httpContext.Response.Headers);

        // CORS response headers are set by CorsStep as the response starts, so local replies get them too.
        return copy;
    }
}
