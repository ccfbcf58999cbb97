using Switchyard.Proxy.Pipeline;

namespace Switchyard.Proxy.Upstream;

/// <summary>
/// What the forwarder sends one proxied request through: the cluster's attempt loop, told which
/// request's context it runs for. A tiny object per request, instead of carrying the context in
/// the request message's options (a dictionary per request) and looking it up again.
/// </summary>
public sealed class RequestInvoker(AttemptHandler attempts, ProxyContext ctx) : HttpMessageInvoker(attempts, disposeHandler: false)
{
    public override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        attempts.SendAsync(ctx, request, cancellationToken);
}
