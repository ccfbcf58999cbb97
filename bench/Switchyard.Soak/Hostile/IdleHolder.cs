using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Switchyard.Soak.Hostile;

/// <summary>
/// <c>hold-idle --port P --count N --source 127.0.0.2</c>: opens N TCP connections to the proxy
/// (256 connects at a time) that never send a byte, holds them until stdin closes, and prints
/// "opened X failed Y closed Z" every second: how many the proxy accepted, how many connects
/// failed, and how many of the open ones the proxy has since closed (shed). A child process of
/// the hostile run, because one process's 20,000 open-files limit cannot hold them all.
/// </summary>
internal static class IdleHolder
{
    public static async Task<int> RunAsync(SoakArgs args)
    {
        var port = args.Int("--port", 15001);
        var count = args.Int("--count", 10_000);
        var source = IPAddress.Parse(args.String("--source") ?? "127.0.0.1");
        long opened = 0, failed = 0, closed = 0;
        var sockets = new List<Socket>(count);
        using var gate = new SemaphoreSlim(256);
        void Report() => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"opened {Interlocked.Read(ref opened)} failed {Interlocked.Read(ref failed)} closed {Interlocked.Read(ref closed)}"));
        using var reporter = new Timer(_ => Report(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        var connects = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync().ConfigureAwait(false);
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                s.Bind(new IPEndPoint(source, 0));
                await s.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                Interlocked.Increment(ref opened);
                lock (sockets) sockets.Add(s);
                _ = WatchAsync(s, () => Interlocked.Increment(ref closed));
            }
            catch (SocketException)
            {
                Interlocked.Increment(ref failed);
                s.Dispose();
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(connects).ConfigureAwait(false);
        Report();
        await Console.In.ReadToEndAsync().ConfigureAwait(false); // held until the parent closes stdin
        Report();
        lock (sockets) foreach (var s in sockets) s.Dispose();
        return 0;
    }

    /// <summary>Completes when the proxy closes (or resets) the connection.</summary>
    private static async Task WatchAsync(Socket s, Action onClosed)
    {
        var buffer = new byte[512];
        try
        {
            while (await s.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false) > 0) { }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // reset, or disposed by us at the end
        }
        onClosed();
    }
}
