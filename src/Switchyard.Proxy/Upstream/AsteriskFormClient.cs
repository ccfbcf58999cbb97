using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Switchyard.Proxy.Upstream;

/// <summary>
/// The cluster's client for <c>OPTIONS *</c> (asterisk-form, RFC 9112 3.2.4), made on the
/// cluster's first such request: a SocketsHttpHandler of the same settings whose HTTP/1.1
/// connections carry only asterisk-form requests (<see cref="AsteriskFormStream"/> writes the
/// <c>*</c>). Other requests never touch it: they are told apart by an empty path, which
/// Kestrel gives only to the asterisk form. Divergence, on purpose: Envoy's connection manager
/// answers a :path of "*" with 404 absolute_path_rejected; the issue asks for RFC forwarding.
/// </summary>
public sealed class AsteriskFormClient(Func<SocketsHttpHandler> newHandler) : IDisposable
{
    private HttpMessageInvoker? _invoker;

    /// <summary>True for a downstream <c>OPTIONS *</c>; one length check for every other request.</summary>
    public static bool Applies(HttpContext context) =>
        !context.Request.Path.HasValue && context.Features.Get<IHttpRequestFeature>()?.RawTarget == "*";

    public HttpMessageInvoker Invoker => Volatile.Read(ref _invoker) ?? Create();

    private HttpMessageInvoker Create()
    {
        var handler = newHandler();
        handler.PlaintextStreamFilter = (context, _) => ValueTask.FromResult(context.NegotiatedHttpVersion.Major == 1
            ? new AsteriskFormStream(context.PlaintextStream) : context.PlaintextStream);
        var created = new HttpMessageInvoker(handler, disposeHandler: true);
        var winner = Interlocked.CompareExchange(ref _invoker, created, null);
        if (winner is null) return created;
        created.Dispose();
        return winner;
    }

    public void Dispose() => Interlocked.Exchange(ref _invoker, null)?.Dispose();
}
