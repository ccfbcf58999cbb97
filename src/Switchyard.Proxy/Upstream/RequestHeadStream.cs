namespace Switchyard.Proxy.Upstream;

/// <summary>
/// An upstream HTTP/1.1 connection's stream that sees where each request starts: the first write
/// after a response was read (or the connection's first write). What the connection reads and
/// everything else is passed through; a subclass decides what to change in a request's head
/// (<see cref="AsteriskFormStream"/>, <c>ConnectionPool/RequestLimitedStream</c>).
/// </summary>
public abstract class RequestHeadStream(Stream inner) : Stream
{
    private bool _readSinceWrite = true;

    protected Stream Inner => inner;

    /// <summary>True when this write starts a request (once per request).</summary>
    protected bool StartsRequest(ReadOnlySpan<byte> buffer)
    {
        if (!_readSinceWrite || buffer.IsEmpty) return false;
        _readSinceWrite = false;
        return true;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

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
