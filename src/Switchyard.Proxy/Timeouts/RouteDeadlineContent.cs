using System.Net;

namespace Switchyard.Proxy.Timeouts;

/// <summary>
/// An upstream response body still under the route timeout. Envoy's route timeout runs until the
/// upstream response is complete, not just until its headers; when it fires mid-body Envoy resets
/// the stream and logs UT. This wrapper keeps the route's timer alive while the forwarder copies
/// the body, and stops it when the body ends (or the response is disposed).
/// </summary>
public sealed class RouteDeadlineContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly IDisposable _timers;
    private volatile Stream? _stream;

    public RouteDeadlineContent(HttpContent inner, IDisposable timers)
    {
        _inner = inner;
        _timers = timers;
        foreach (var header in inner.Headers.NonValidated)
            foreach (var value in header.Value)
                Headers.TryAddWithoutValidation(header.Key, value);
    }

    /// <summary>Cuts the body off (the timer's callback): the forwarder's next read fails.</summary>
    public void Abort()
    {
        _stream?.Dispose();
        _inner.Dispose();
    }

    protected override async Task<Stream> CreateContentReadStreamAsync() =>
        _stream = new BodyEndStream(await _inner.ReadAsStreamAsync().ConfigureAwait(false), _timers);

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        _stream = new BodyEndStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _timers);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _inner.CopyToAsync(stream);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _inner.CopyToAsync(stream, cancellationToken);

    // Length is the Content-Length header copied from the upstream response, if it had one.
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _timers.Dispose();
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
