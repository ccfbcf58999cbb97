using System.Text;
using Switchyard.Proxy.Upstream;

namespace Switchyard.Proxy.ConnectionPool;

/// <summary>
/// <c>http.maxRequestsPerConnection</c> for HTTP/1.1 upstream connections, which SocketsHttpHandler
/// cannot limit itself: wraps each connection's stream, counts the requests written on it (a request
/// head written after a response was read) and adds <c>Connection: close</c> to the last one it may
/// carry, so the endpoint answers and closes and the client opens a new connection, as Envoy
/// drains a connection after max_requests_per_connection.
/// </summary>
public sealed class RequestLimitedStream(Stream inner, int limit) : RequestHeadStream(inner)
{
    private static readonly byte[] CloseHeader = Encoding.ASCII.GetBytes("Connection: close\r\n");
    private int _requests;

    /// <summary>Requests started on this connection.</summary>
    public int Requests => _requests;

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var split = CloseAt(buffer.Span);
        return split < 0 ? Inner.WriteAsync(buffer, cancellationToken) : WriteWithCloseAsync(buffer, split, cancellationToken);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var split = CloseAt(buffer);
        if (split < 0)
        {
            Inner.Write(buffer);
            return;
        }
        Inner.Write(buffer[..split]);
        Inner.Write(CloseHeader);
        Inner.Write(buffer[split..]);
    }

    // The request line, then the header, then the rest: three writes into the connection's own
    // buffering, and no copy of the caller's bytes.
    private async ValueTask WriteWithCloseAsync(ReadOnlyMemory<byte> buffer, int split, CancellationToken cancellationToken)
    {
        await Inner.WriteAsync(buffer[..split], cancellationToken).ConfigureAwait(false);
        await Inner.WriteAsync(CloseHeader, cancellationToken).ConfigureAwait(false);
        await Inner.WriteAsync(buffer[split..], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Where <c>Connection: close</c> goes in this write (just after the request line of
    /// the connection's last allowed request), else -1.</summary>
    private int CloseAt(ReadOnlySpan<byte> buffer)
    {
        if (!StartsRequest(buffer)) return -1;
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
}
