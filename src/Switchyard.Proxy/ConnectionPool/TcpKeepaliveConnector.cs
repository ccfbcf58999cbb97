using System.Net.Sockets;
using Switchyard.Translation.Policies.ConnectionPool;

namespace Switchyard.Proxy.ConnectionPool;

/// <summary>
/// <c>tcp.tcpKeepalive</c>: SO_KEEPALIVE on every upstream socket, with the probe count, idle time
/// and probe interval given (Envoy's upstream_connection_options.tcp_keepalive); a field left unset
/// keeps the operating system's default, as in Envoy.
/// </summary>
public sealed class TcpKeepaliveConnector(TcpKeepaliveSpec keepalive)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            Configure(socket);
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Configure(Socket socket)
    {
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        // Translation keeps only values the socket accepts (whole seconds ≥ 1, probes > 0).
        if (keepalive.Time is { } time)
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, (int)time.TotalSeconds);
        if (keepalive.Interval is { } interval)
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, (int)interval.TotalSeconds);
        if (keepalive.Probes is { } probes)
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, (int)probes);
    }
}
