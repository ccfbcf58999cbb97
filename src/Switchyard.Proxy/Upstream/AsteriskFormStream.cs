namespace Switchyard.Proxy.Upstream;

/// <summary>
/// An upstream HTTP/1.1 connection of the asterisk-form client (<see cref="AsteriskFormClient"/>):
/// SocketsHttpHandler always writes a request target that starts with <c>/</c>, so the request
/// line of every request this connection carries is rewritten to <c>OPTIONS * HTTP/1.1</c>, as
/// RFC 9112 3.2.4 asks of the last proxy ("MUST send a request-target of '*'"). A request starts
/// with the first write after a response was read, as in RequestLimitedStream; a body sent after
/// "100 Continue" does not start with "OPTIONS " and is passed on untouched.
/// </summary>
public sealed class AsteriskFormStream(Stream inner) : Stream
{
    private static readonly byte[] AsteriskTarget = "OPTIONS *"u8.ToArray();
    private bool _readSinceWrite = true;

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var rest = TargetEnd(buffer.Span);
        return rest < 0 ? inner.WriteAsync(buffer, cancellationToken) : WriteAsteriskAsync(buffer[rest..], cancellationToken);
    }

    private async ValueTask WriteAsteriskAsync(ReadOnlyMemory<byte> rest, CancellationToken cancellationToken)
    {
        await inner.WriteAsync(AsteriskTarget, cancellationToken).ConfigureAwait(false);
        await inner.WriteAsync(rest, cancellationToken).ConfigureAwait(false);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var rest = TargetEnd(buffer);
        if (rest < 0)
        {
            inner.Write(buffer);
            return;
        }
        inner.Write(AsteriskTarget);
        inner.Write(buffer[rest..]);
    }

    /// <summary>When this write starts a request: the index of the space after its request target; else -1.</summary>
    private int TargetEnd(ReadOnlySpan<byte> buffer)
    {
        if (!_readSinceWrite || buffer.IsEmpty) return -1;
        _readSinceWrite = false;
        if (!buffer.StartsWith("OPTIONS "u8)) return -1;
        var end = buffer[8..].IndexOf((byte)' ');
        return end < 0 ? -1 : 8 + end;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (n > 0) _readSinceWrite = true;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        if (n > 0) _readSinceWrite = true;
        return n;
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override void Flush() => inner.Flush();
    public override bool CanRead => inner.CanRead;
    public override bool CanWrite => inner.CanWrite;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();
}
