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

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var split = CloseAt(buffer.Span);
        return split < 0 ? inner.WriteAsync(buffer, cancellationToken) : WriteWithCloseAsync(buffer, split, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var split = CloseAt(buffer);
        if (split < 0)
        {
            inner.Write(buffer);
            return;
        }
        inner.Write(buffer[..split]);
        inner.Write(CloseHeader);
        inner.Write(buffer[split..]);
    }

    // The request line, then the header, then the rest: three writes into the connection's own
    // buffering, and no copy of the caller's bytes.
    private async ValueTask WriteWithCloseAsync(ReadOnlyMemory<byte> buffer, int split, CancellationToken cancellationToken)
    {
        await inner.WriteAsync(buffer[..split], cancellationToken).ConfigureAwait(false);
        await inner.WriteAsync(CloseHeader, cancellationToken).ConfigureAwait(false);
        await inner.WriteAsync(buffer[split..], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Where <c>Connection: close</c> goes in this write (just after the request line of
    /// the connection's last allowed request), else -1.</summary>
    private int CloseAt(ReadOnlySpan<byte> buffer)
    {
        if (!_readSinceWrite || buffer.IsEmpty) return -1;
        _readSinceWrite = false;
        // A body sent after "100 Continue" also follows a read; only a request line starts a request.
        var lineEnd = RequestLineEnd(buffer);
        if (lineEnd < 0 || ++_requests != limit) return -1;
        return lineEnd;
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
