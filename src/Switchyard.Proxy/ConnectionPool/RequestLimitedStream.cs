using System.Text;

namespace Switchyard.Proxy.ConnectionPool;

/// <summary>
/// <c>http.maxRequestsPerConnection</c> for HTTP/1.1 upstream connections, which SocketsHttpHandler
/// cannot limit itself: wraps each connection's stream, counts the requests written on it (a request
/// head written after a response was read) and adds <c>Connection: close</c> to the last one it may
/// carry, so the endpoint answers and closes and the client opens a new connection, as Envoy
/// drains a connection after max_requests_per_connection.
/// </summary>
public sealed class RequestLimitedStream(Stream inner, int limit) : Stream
{
    private static readonly byte[] CloseHeader = Encoding.ASCII.GetBytes("Connection: close\r\n");
    private bool _readSinceWrite = true;
    private int _requests;

    /// <summary>Requests started on this connection.</summary>
    public int Requests => _requests;

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(Inspect(buffer), cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(Inspect(buffer.AsMemory(offset, count)).Span);

    public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(Inspect(buffer.ToArray()).Span);

    private ReadOnlyMemory<byte> Inspect(ReadOnlyMemory<byte> buffer)
    {
        if (!_readSinceWrite || buffer.IsEmpty) return buffer;
        _readSinceWrite = false;
        // A body sent after "100 Continue" also follows a read; only a request line starts a request.
        var lineEnd = RequestLineEnd(buffer.Span);
        if (lineEnd < 0 || ++_requests != limit) return buffer;
        var withClose = new byte[buffer.Length + CloseHeader.Length];
        buffer.Span[..lineEnd].CopyTo(withClose);
        CloseHeader.CopyTo(withClose.AsSpan(lineEnd));
        buffer.Span[lineEnd..].CopyTo(withClose.AsSpan(lineEnd + CloseHeader.Length));
        return withClose;
    }

    /// <summary>The index just after "HTTP/1.1\r\n" when the buffer starts with a request line; else -1.</summary>
    private static int RequestLineEnd(ReadOnlySpan<byte> buffer)
    {
        var end = buffer.IndexOf("\r\n"u8);
        if (end < 0 || !buffer[..end].EndsWith(" HTTP/1.1"u8) || buffer.IndexOf((byte)' ') < 1) return -1;
        return end + 2;
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
