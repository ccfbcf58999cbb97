using System.Net;
using System.Net.Sockets;

namespace Switchyard.Proxy.Tests.TestSupport;

/// <summary>
/// A loopback port where every connection is refused for as long as this object lives: a socket
/// bound to it that never listens. Linux answers a SYN to a bound, non-listening port with RST
/// (ECONNREFUSED), and no other socket can take the port while it is bound, so unlike "a port
/// that was free a moment ago" nothing can start listening there mid-test.
/// </summary>
public sealed class RefusedPort : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public RefusedPort()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public void Dispose() => _socket.Dispose();
}
