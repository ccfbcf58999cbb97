using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchyard.Soak.Hostile;

/// <summary>One raw HTTP/1.1 exchange on a new connection: what the proxy answers, as its status code (0 if it closed without one).</summary>
internal static class RawHttp
{
    public static async Task<int> ExchangeAsync(int port, byte[] request, CancellationToken ct)
    {
        using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await s.ConnectAsync(IPAddress.Loopback, port, ct).ConfigureAwait(false);
        try
        {
            await s.SendAsync(request, SocketFlags.None, ct).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            // answered and closed before taking it all (an oversized request)
        }
        return await StatusAsync(s, ct).ConfigureAwait(false);
    }

    /// <summary>Reads until the status line is complete; 0 when the connection ends first.</summary>
    public static async Task<int> StatusAsync(Socket s, CancellationToken ct)
    {
        var buffer = new byte[1024];
        var received = 0;
        try
        {
            while (received < buffer.Length)
            {
                var n = await s.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None, ct).ConfigureAwait(false);
                if (n == 0) break;
                received += n;
                var text = Encoding.ASCII.GetString(buffer, 0, received);
                if (text.Contains("\r\n", StringComparison.Ordinal) && text.Length >= 12 && int.TryParse(text.AsSpan(9, 3), out var status)) return status;
            }
        }
        catch (SocketException)
        {
            // reset
        }
        return 0;
    }
}
