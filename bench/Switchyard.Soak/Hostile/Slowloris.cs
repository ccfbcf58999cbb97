using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchyard.Soak.Hostile;

/// <summary>
/// Slowloris clients: each sends a request line and a header, then one more header line every
/// <c>trickle</c>, never finishing; when the proxy answers (Envoy's 408 after
/// request_headers_timeout) or closes, it reconnects and starts again. Answers are counted by status
/// (0: closed without one, e.g. shed as idle at the connection cap).
/// </summary>
internal sealed class Slowloris
{
    private static readonly byte[] Start = Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: shop\r\n");
    private static readonly byte[] More = Encoding.ASCII.GetBytes("x-slow: 1\r\n");

    public ConcurrentDictionary<int, long> Answers { get; } = new();

    public long Connections;

    public Task RunAsync(int port, int clients, TimeSpan trickle, CancellationToken ct) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(() => ClientAsync(port, trickle, ct), CancellationToken.None)));

    private async Task ClientAsync(int port, TimeSpan trickle, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await s.ConnectAsync(IPAddress.Loopback, port, ct).ConfigureAwait(false);
                Interlocked.Increment(ref Connections);
                await s.SendAsync(Start, SocketFlags.None, ct).ConfigureAwait(false);
                var answer = RawHttp.StatusAsync(s, ct);
                while (!answer.IsCompleted)
                {
                    await Task.WhenAny(answer, Task.Delay(trickle, ct)).ConfigureAwait(false);
                    if (!answer.IsCompleted) await s.SendAsync(More, SocketFlags.None, ct).ConfigureAwait(false);
                }
                Answers.AddOrUpdate(await answer.ConfigureAwait(false), 1, (_, n) => n + 1);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                Answers.AddOrUpdate(0, 1, (_, n) => n + 1);
            }
        }
    }
}
