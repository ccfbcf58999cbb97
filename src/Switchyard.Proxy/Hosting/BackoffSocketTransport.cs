using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;

namespace Switchyard.Proxy.Hosting;

/// <summary>
/// Kestrel's socket transport with one change: when accept fails because the process is out of
/// file descriptors (EMFILE, ENFILE) or buffers, it waits before trying again, as Envoy's listener
/// and libuv do, instead of retrying at once. Kestrel's own listener treats every accept error as
/// a connection reset in the backlog and loops (SocketConnectionListener.AcceptAsync), so at the
/// file limit it spun on EMFILE, allocating until the process died. The connections themselves
/// are Kestrel's (<see cref="SocketConnectionContextFactory"/>).
/// </summary>
internal sealed class BackoffSocketTransport(TimeProvider time, ILogger logger, DownstreamConnectionLimit? limit) : IConnectionListenerFactory
{
    public ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, endpoint is IPEndPoint ? ProtocolType.Tcp : ProtocolType.Unspecified);
        try
        {
            if (endpoint is IPEndPoint { Address: var any } && any.Equals(IPAddress.IPv6Any)) socket.DualMode = true;
            socket.Bind(endpoint);
            socket.Listen(512); // Kestrel's default backlog
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            socket.Dispose();
            // Kestrel reports this as "address already in use" to its caller, as its own transport does.
            throw new AddressInUseException(e.Message, e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var connections = new SocketConnectionContextFactory(new SocketConnectionFactoryOptions(), logger);
        return ValueTask.FromResult<IConnectionListener>(new Listener(socket, connections, time, logger, limit));
    }

    private sealed class Listener(Socket socket, SocketConnectionContextFactory connections, TimeProvider time, ILogger logger, DownstreamConnectionLimit? limit) : IConnectionListener
    {
        private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(10);
        private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);

        public EndPoint EndPoint { get; } = socket.LocalEndPoint!;

        public async ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default)
        {
            var backoff = FirstBackoff;
            while (true)
            {
                try
                {
                    var accepted = await socket.AcceptAsync(cancellationToken).ConfigureAwait(false);
                    if (limit is not null && !limit.TryAdmitAccepted())
                    {
                        accepted.Dispose(); // over the cap and its slack: closed here, its file freed at once
                        continue;
                    }
                    if (accepted.LocalEndPoint is IPEndPoint) accepted.NoDelay = true;
                    var connection = connections.Create(accepted);
                    return limit is null ? connection : new CountedConnection(connection, limit);
                }
                catch (ObjectDisposedException)
                {
                    return null; // unbound: Kestrel is stopping
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.OperationAborted)
                {
                    return null;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return null;
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.TooManyOpenSockets or SocketError.NoBufferSpaceAvailable)
                {
                    // Out of files: the connection stays in the backlog; try again once some close.
                    Log.AcceptBackingOff(logger, e.SocketErrorCode.ToString(), (int)backoff.TotalMilliseconds);
                    try
                    {
                        await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return null;
                    }
                    backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
                }
                catch (SocketException)
                {
                    // A connection reset while it waited in the backlog: take the next one.
                }
            }
        }

        public ValueTask UnbindAsync(CancellationToken cancellationToken = default)
        {
            socket.Dispose();
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            socket.Dispose();
            connections.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
