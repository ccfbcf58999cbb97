using System.Threading.Channels;

namespace Switchyard.Proxy.Telemetry;

/// <summary>
/// Writes access log lines off the request path, as Envoy's file logger does (buffered, flushed
/// when idle): a request only formats its line and queues it. The queue is bounded; when the
/// writer cannot keep up, lines are dropped and counted rather than slowing traffic.
/// </summary>
public sealed class AccessLogWriter : IAsyncDisposable
{
    private const int Capacity = 16_384;
    private readonly Channel<string> _lines = Channel.CreateBounded<string>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly TextWriter _out;
    private readonly Func<RequestOutcome, string> _format;
    private readonly Task _pump;
    private long _dropped;

    public AccessLogWriter(TextWriter output, AccessLogFormat format)
    {
        _out = output;
        _format = format == AccessLogFormat.Json ? AccessLogJsonFormatter.Format : AccessLogFormatter.Format;
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Lines dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Write(RequestOutcome outcome)
    {
        if (!_lines.Writer.TryWrite(_format(outcome))) Interlocked.Increment(ref _dropped);
    }

    private async Task PumpAsync()
    {
        var reader = _lines.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var line)) await _out.WriteLineAsync(line).ConfigureAwait(false);
            await _out.FlushAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _lines.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
    }
}
