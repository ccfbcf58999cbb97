using System.Net;
using System.Net.Sockets;

namespace Switchyard.Soak.Proxy;

/// <summary>Loopback ports: a free one to hand to a child process, and a wait until one accepts.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>True once a connection to the port succeeds; false after <paramref name="timeout"/>.</summary>
    public static async Task<bool> WaitAcceptingAsync(int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await s.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(5).ConfigureAwait(false);
            }
        }
        return false;
    }
}
