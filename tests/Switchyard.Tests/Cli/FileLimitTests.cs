using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Switchyard.Tests.Cli;

/// <summary>
/// <c>switchyard run</c> as a real process under a small open-files limit (<c>ulimit -n 256</c>),
/// flooded with idle connections, as the probe did with 1,100 connections against 1,024
/// files (the process ran out of files and memory and died). With the default cap (half of the
/// files not yet open at start) the proxy never reaches the limit: it sheds the oldest idle
/// connections, flips /ready, and keeps serving a well-behaved client. (Reaching EMFILE is not
/// survivable for a .NET process: with a cap above the limit the listener backs off as designed,
/// but the runtime later aborts with "Out of memory." when it cannot open a file of its own, so
/// the cap is what keeps the proxy alive.) Lowering the limit inside the test process would starve the test itself, hence a child.
/// </summary>
public sealed class FileLimitTests : IDisposable
{
    private const int IdleConnections = 300;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "switchyard-files-" + Guid.NewGuid().ToString("N"));

    public FileLimitTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "vs.yaml"), """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: frontend, namespace: default}
            spec:
              hosts: [frontend]
              http:
              - directResponse: {status: 200, body: {string: ok}}
            """);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Under_256_files_300_idle_connections_are_shed_and_a_well_behaved_client_is_served()
    {
        if (!OperatingSystem.IsLinux()) return;
        var ct = TestContext.Current.CancellationToken;
        await using var proxy = await ChildProxy.StartAsync(_dir, [], ct);
        // The default cap: half of the files not open once the listeners run.
        var capLine = proxy.Started.Single(l => l.StartsWith("info[2008]: downstream connections capped at ", StringComparison.Ordinal));
        var cap = int.Parse(capLine.Split(' ')[5], System.Globalization.CultureInfo.InvariantCulture);
        var open = int.Parse(capLine.Split(", ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.EndsWith($"(open files limit 256, {open} open)", capLine);
        Assert.Equal((256 - open) / 2, cap);

        var idle = await OpenIdleAsync(proxy.ProxyPort, IdleConnections, ct);
        try
        {
            // The oldest idle connections made room: at least 300 - cap of them were closed by the proxy.
            var closed = 0;
            await Eventually(() => (closed = idle.Count(IsClosedByPeer)) >= IdleConnections - cap, ct);
            Assert.InRange(closed, IdleConnections - cap, IdleConnections);
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "OVERLOADED"), await ReadyAsync(proxy.AdminUri, ct));
            // A well-behaved client among cap idle ones: it sheds the oldest and is served.
            Assert.Equal((HttpStatusCode.OK, "ok"), await GetAsync(proxy.ProxyUri, "frontend", ct));
            Assert.Contains(await proxy.LinesUntilAsync(l => l.StartsWith("warn[2006]: ", StringComparison.Ordinal), ct),
                l => l.StartsWith($"warn[2006]: downstream connection limit {cap} reached", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var s in idle) s.Dispose();
        }
        // Below the cap again: ready, and still serving.
        await Eventually(async () => (await ReadyAsync(proxy.AdminUri, ct)).Body == "LIVE", ct);
        Assert.Equal((HttpStatusCode.OK, "ok"), await GetAsync(proxy.ProxyUri, "frontend", ct));
        Assert.False(proxy.HasExited);
    }

    private static async Task<List<Socket>> OpenIdleAsync(int port, int count, CancellationToken ct)
    {
        var sockets = new List<Socket>(count);
        for (var i = 0; i < count; i++)
        {
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            sockets.Add(s);
            // The kernel completes the handshake from the backlog even when the proxy does not accept.
            await s.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), ct);
        }
        return sockets;
    }

    /// <summary>The peer closed (FIN or RST): readable with nothing to read.</summary>
    private static bool IsClosedByPeer(Socket s)
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

    private static async Task<(HttpStatusCode, string)> GetAsync(Uri proxy, string host, CancellationToken ct)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = proxy, Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = host;
        using var response = await client.SendAsync(request, ct);
        return (response.StatusCode, (await response.Content.ReadAsStringAsync(ct)).Trim());
    }

    private static async Task<(HttpStatusCode Status, string Body)> ReadyAsync(Uri admin, CancellationToken ct)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = admin, Timeout = TimeSpan.FromSeconds(60) };
        using var response = await client.GetAsync("/ready", ct);
        return (response.StatusCode, (await response.Content.ReadAsStringAsync(ct)).Trim());
    }

    private static Task Eventually(Func<bool> condition, CancellationToken ct) => Eventually(() => Task.FromResult(condition()), ct);

    /// <summary>Polls until the condition holds, failing after a generous 60 s.</summary>
    private static async Task Eventually(Func<Task<bool>> condition, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "condition not reached in 60 s");
            await Task.Delay(50, ct);
        }
    }

    /// <summary><c>switchyard run</c> in a child process under <c>ulimit -n 256</c>, its stderr read line by line.</summary>
    private sealed class ChildProxy : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

        private ChildProxy(Process process) => _process = process;

        public List<string> Started { get; private set; } = [];

        public Uri ProxyUri { get; private set; } = null!;

        public int ProxyPort => ProxyUri.Port;

        public Uri AdminUri { get; private set; } = null!;

        public bool HasExited => _process.HasExited;

        public static async Task<ChildProxy> StartAsync(string dir, string[] extra, CancellationToken ct)
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "switchyard.dll");
            Assert.True(File.Exists(dll), dll);
            var args = string.Join(' ', extra);
            var start = new ProcessStartInfo("bash")
            {
                ArgumentList = { "-c", $"ulimit -n 256 && exec dotnet '{dll}' run -f '{dir}' --listen 127.0.0.1:0 --admin 127.0.0.1:0 --access-log off {args}" },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            var child = new ChildProxy(Process.Start(start)!);
            _ = child.PumpAsync();
            child.Started = await child.LinesUntilAsync(l => l.StartsWith("switchyard proxy on ", StringComparison.Ordinal), ct);
            child.ProxyUri = new Uri(child.Started.Single(l => l.StartsWith("info[2000]: ", StringComparison.Ordinal))["info[2000]: outbound listener on ".Length..]);
            child.AdminUri = new Uri(child.Started.Single(l => l.StartsWith("info[2001]: ", StringComparison.Ordinal))["info[2001]: admin on ".Length..]);
            return child;
        }

        private async Task PumpAsync()
        {
            while (await _process.StandardError.ReadLineAsync() is { } line) _lines.Writer.TryWrite(line);
            _lines.Writer.TryComplete();
        }

        /// <summary>The lines up to the first that satisfies <paramref name="last"/>; fails after 90 s or if the process ends.</summary>
        public async Task<List<string>> LinesUntilAsync(Func<string, bool> last, CancellationToken ct)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(TimeSpan.FromSeconds(90));
            var lines = new List<string>();
            try
            {
                while (true)
                {
                    var line = await _lines.Reader.ReadAsync(deadline.Token);
                    lines.Add(line);
                    if (last(line)) return lines;
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
            {
                Assert.Fail($"no such line; the proxy said:\n{string.Join('\n', lines)}");
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
