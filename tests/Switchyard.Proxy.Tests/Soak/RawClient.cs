using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchyard.Proxy.Tests.Soak;

/// <summary>Raw TCP clients for the hostile-client tests: connect, send bytes, and read the status line the proxy answers (0 if it closes without one).</summary>
public static class RawClient
{
    public static async Task<Socket> ConnectAsync(int port)
    {
        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await s.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), TestContext.Current.CancellationToken);
        return s;
    }

    /// <summary>Sends <paramref name="request"/> on a new connection and returns the answer's status.</summary>
    public static async Task<int> ExchangeAsync(int port, string request)
    {
        using var s = await ConnectAsync(port);
        try
        {
            await s.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, TestContext.Current.CancellationToken);
        }
        catch (SocketException)
        {
            // answered and closed before taking it all (an oversized request)
        }
        return await StatusAsync(s);
    }

    /// <summary>Sends a request on an open connection and returns its status, reading the whole short answer.</summary>
    public static async Task<int> SendAsync(Socket s, string request)
    {
        await s.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, TestContext.Current.CancellationToken);
        return await StatusAsync(s);
    }

    /// <summary>The status of the next answer on <paramref name="s"/> (generous limit: 60 s).</summary>
    public static async Task<int> StatusAsync(Socket s)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(60));
        var text = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var n = await s.ReceiveAsync(buffer, SocketFlags.None, guard.Token);
                if (n == 0) break;
                text.Append(Encoding.ASCII.GetString(buffer, 0, n));
                var t = text.ToString();
                var end = t.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (end < 0) continue;
                // Whole answer read: Content-Length bytes, or a chunked body up to its last chunk
                // (left unread, it would be taken for the next answer on this connection).
                var head = t[..end].Split("\r\n");
                var complete = head.Any(h => h.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase) && h.Contains("chunked", StringComparison.OrdinalIgnoreCase))
                    ? t.IndexOf("\r\n0\r\n\r\n", end, StringComparison.Ordinal) >= 0 || t.IndexOf("\r\n\r\n0\r\n\r\n", end, StringComparison.Ordinal) >= 0
                    : t.Length >= end + 4 + ContentLength(head);
                if (complete) return int.Parse(t.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        catch (SocketException)
        {
            // reset
        }
        return text.Length >= 12 ? int.Parse(text.ToString().AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private static int ContentLength(string[] head) =>
        head.FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) is { } cl
            ? int.Parse(cl["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture) : 0;

    /// <summary>The peer closed: readable with nothing left to read.</summary>
    public static bool IsClosedByPeer(Socket s)
    {
        try
        {
            return s.Poll(0, SelectMode.SelectRead) && s.Available == 0;
        }
        catch (SocketException)
        {
            return true;
        }
    }
}
