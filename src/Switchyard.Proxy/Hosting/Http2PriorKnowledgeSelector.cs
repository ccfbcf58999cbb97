using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace Switchyard.Proxy.Hosting;

/// <summary>
/// Kestrel connection middleware that lets one cleartext listener serve HTTP/1.1 and h2c with
/// prior knowledge, as Envoy's HTTP connection manager does with <c>codec_type: AUTO</c>: it
/// looks at the connection's first bytes and picks HTTP/2 when they are the client connection
/// preface (RFC 9113 §3.4), HTTP/1.1 otherwise.
/// </summary>
/// <remarks>
/// Kestrel picks the protocol of an <c>Http1AndHttp2</c> endpoint only from TLS ALPN; without TLS
/// it always speaks HTTP/1.1 and answers the preface with GOAWAY HTTP_1_1_REQUIRED
/// (dotnet/aspnetcore#56984). Its choice reads <see cref="ITlsApplicationProtocolFeature"/> from
/// the connection's features, so when the preface is seen this middleware sets that feature to
/// "h2" and Kestrel builds its HTTP/2 connection. The bytes are only peeked, never consumed:
/// Kestrel's HTTP/1.1 or HTTP/2 parser reads them again. This runs once per connection, before
/// the first request; nothing on the per-request path changes.
/// </remarks>
public sealed class Http2PriorKnowledgeSelector
{
    private readonly ConnectionDelegate _next;
    private readonly TimeSpan _firstBytesTimeout;
    private readonly TimeProvider _time;

    /// <param name="next">Kestrel's HTTP connection handling.</param>
    /// <param name="firstBytesTimeout">How long a connection may stay silent before its first
    /// byte; Kestrel's keep-alive timeout, which is what bounds the same wait when Kestrel
    /// itself reads the first request.</param>
    /// <param name="time">The clock for that timeout.</param>
    public Http2PriorKnowledgeSelector(ConnectionDelegate next, TimeSpan firstBytesTimeout, TimeProvider time)
    {
        _next = next;
        _firstBytesTimeout = firstBytesTimeout;
        _time = time;
    }

    public async Task OnConnectionAsync(ConnectionContext connection)
    {
        var input = connection.Transport.Input;
        SequencePosition? examined = null;
        // Fast path: the first request is usually already buffered and decides at once, with no
        // timer to arm.
        var verdict = input.TryRead(out var first) ? Decide(input, first, ref examined) : Http2Preface.Verdict.NeedMore;
        if (verdict == Http2Preface.Verdict.NeedMore)
        {
            var decided = await WaitForVerdictAsync(connection, input, examined).ConfigureAwait(false);
            if (decided is null) return; // silent too long, or the server is shutting down: close, as Kestrel would
            verdict = decided.Value;
        }
        if (verdict == Http2Preface.Verdict.Http2)
        {
            connection.Features.Set<ITlsConnectionFeature>(CleartextAsTls.Instance);
            connection.Features.Set<ITlsApplicationProtocolFeature>(H2ApplicationProtocol.Instance);
        }
        await _next(connection).ConfigureAwait(false);
    }

    private async Task<Http2Preface.Verdict?> WaitForVerdictAsync(ConnectionContext connection, PipeReader input, SequencePosition? examined)
    {
        // Kestrel spells "no keep-alive timeout" TimeSpan.MaxValue, which a timer cannot take.
        var delay = _firstBytesTimeout == TimeSpan.MaxValue ? Timeout.InfiniteTimeSpan : _firstBytesTimeout;
        using var timeout = new CancellationTokenSource(delay, _time);
        // Kestrel asks connections to close on shutdown through this token; one still waiting
        // for its first byte has nothing in flight and may go at once.
        var closing = connection.Features.Get<IConnectionLifetimeNotificationFeature>()?.ConnectionClosedRequested ?? CancellationToken.None;
        using var onClosing = closing.Register(static cts => ((CancellationTokenSource)cts!).Cancel(), timeout);
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(timeout.Token).ConfigureAwait(false);
                var verdict = Decide(input, result, ref examined);
                if (verdict != Http2Preface.Verdict.NeedMore) return verdict;
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or ConnectionAbortedException)
        {
            return null; // the client reset or the transport aborted before the first request
        }
    }

    /// <summary>
    /// Classifies what has arrived and hands the buffer back untouched. Nothing is consumed, and
    /// unless more bytes are needed the examined mark stays where it was, so Kestrel's next read
    /// returns the same bytes without waiting for new ones. After a read that needed more, the
    /// mark stays at what was already examined rather than going back to the start: the
    /// PipeReader contract is that examined only moves forward (Pipe derives its back-pressure
    /// count from it), hence <paramref name="examined"/> carried between reads.
    /// </summary>
    private static Http2Preface.Verdict Decide(PipeReader input, ReadResult result, ref SequencePosition? examined)
    {
        var buffer = result.Buffer;
        var verdict = Http2Preface.Classify(buffer);
        // The peer closed before sending a whole preface: Kestrel's HTTP/1.1 side ends it.
        if (verdict == Http2Preface.Verdict.NeedMore && (result.IsCompleted || result.IsCanceled)) verdict = Http2Preface.Verdict.Http1;
        if (verdict == Http2Preface.Verdict.NeedMore) examined = buffer.End;
        input.AdvanceTo(buffer.Start, examined ?? buffer.Start);
        return verdict;
    }
}
