using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Switchyard.Proxy.Pipeline;

/// <summary>
/// Envoy keeps the client's Host/:authority on the upstream request (the sidecar is
/// transparent); YARP's default would put the endpoint address there instead.
/// </summary>
public sealed class PreserveAuthorityTransformer : HttpTransformer
{
    public static readonly PreserveAuthorityTransformer Instance = new();

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken).ConfigureAwait(false);
        proxyRequest.Headers.Host = httpContext.Request.Host.Value;
    }
}
