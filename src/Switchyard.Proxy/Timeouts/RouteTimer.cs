using Switchyard.Proxy.Pipeline;
using Switchyard.Proxy.Telemetry;

namespace Switchyard.Proxy.Timeouts;

/// <summary>
/// The route timeout's clock for one request: one timer on the injected <see cref="TimeProvider"/>
/// over all attempts, linked with the downstream's cancellation. It outlives the attempt loop
/// when the response it returns still has a body to copy (see <see cref="RouteDeadlineContent"/>).
/// </summary>
public sealed class RouteTimer : IDisposable
{
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;
    private CancellationTokenRegistration _bodyWatch;
    private int _disposed;

    public RouteTimer(TimeSpan timeout, TimeProvider time, CancellationToken downstream)
    {
        _timer = new CancellationTokenSource(timeout, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(downstream, _timer.Token);
    }

    /// <summary>Cancelled when the route timeout fires or the downstream goes away.</summary>
    public CancellationToken Token => _linked.Token;

    public bool Fired => _timer.IsCancellationRequested;

    /// <summary>Hands the timer to the response body: if it fires before the forwarder has copied
    /// the whole body, the request is flagged UT and the body cut off, as Envoy resets the stream.</summary>
    public void WatchBody(ProxyContext ctx, HttpResponseMessage response)
    {
        var body = new RouteDeadlineContent(response.Content, this);
        response.Content = body;
        _bodyWatch = _timer.Token.UnsafeRegister(_ =>
        {
            // Runs on the timer's thread while the request's own flow may read or add flags:
            // ProxyContext adds flags atomically and publishes details with a volatile write.
            ctx.AddFlag(ResponseFlags.UpstreamRequestTimeout);
            ctx.Details = ResponseCodeDetails.ResponseTimeout;
            body.Abort();
        }, null);
    }

    /// <summary>Idempotent: the body's end and the response's disposal may both call it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _bodyWatch.Dispose();
        _linked.Dispose();
        _timer.Dispose();
    }
}
