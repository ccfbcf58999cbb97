using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Proxy.Hosting;
using Switchyard.Proxy.Tests.TestSupport;
using Switchyard.Sources;

namespace Switchyard.Proxy.Tests.Hosting;

/// <summary>
/// The downstream connection cap, as Envoy's overload manager applies it: at the cap the oldest
/// idle connection is shed to admit a new one, a connection is refused only when every open one
/// has a request in flight, and /ready is 503 while the cap is reached. Real sockets, a cap of 4.
/// </summary>
public class ConnectionLimitTests
{
    private const int Cap = 4;

    private static async Task<(SwitchyardHost Host, CapturedLogs Logs)> StartAsync(ScriptedBackend backend)
    {
        var config = new InMemorySource();
        var load = ConfigLoader.LoadText(MeshYaml.VirtualService("frontend", "- route: [{destination: {host: frontend}}]")
            + "\n---\n" + ServiceEntryYaml.For("frontend", [(backend.Port, "app: frontend, version: v1")]), "test.yaml");
        config.Set(load.Resources);
        var logs = new CapturedLogs();
        var host = await SwitchyardHost.StartAsync(new SwitchyardHostOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            Admin = new IPEndPoint(IPAddress.Loopback, 0),
            Sources = [config],
            Random = new SeededRandom(1),
            LoggerFactory = logs,
            MaxConnections = Cap,
        }, TestContext.Current.CancellationToken);
        return (host, logs);
    }

    [Fact]
    public async Task At_the_cap_the_oldest_idle_connection_is_shed_and_the_new_client_is_served()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var backend = await ScriptedBackend.StartAsync("frontend", (c, _, b) => ScriptedBackend.AnswerAsync(c, b));
        var (host, logs) = await StartAsync(backend);
        await using var _ = host;
        using var admin = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = host.AdminUri };

        // Four idle connections, oldest first: one keep-alive connection between requests, then
        // three that never send a byte (an idle flood).
        var idle = new List<Socket>();
        for (var i = 0; i < Cap; i++)
        {
            idle.Add(await ConnectAsync(host, ct));
            if (i == 0) Assert.Equal("HTTP/1.1 200 OK", await ExchangeAsync(idle[0], ct));
            // One at a time, so the proxy's order of arrival is the order here.
            Assert.True(await Eventually.TrueAsync(() => host.Connections.Active == idle.Count));
        }
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "OVERLOADED"), await ReadyAsync(admin, ct));

        // A fifth, well-behaved client: admitted, served.
        using var client = await ConnectAsync(host, ct);
        Assert.Equal("HTTP/1.1 200 OK", await ExchangeAsync(client, ct));

        // The oldest idle connection made room: not the keep-alive one, which served a request
        // since the last shedding scan and gets a second chance (Soak/BusyClientSheddingTests),
        // but the oldest of the flood. The others are still open.
        Assert.True(await Eventually.TrueAsync(() => IsClosedByPeer(idle[1])));
        Assert.All(idle.Where((_, i) => i != 1), s => Assert.False(IsClosedByPeer(s)));
        Assert.Equal(1, host.Connections.Shed);
        Assert.Equal(0, host.Connections.Refused);
        Assert.StartsWith($"downstream connections capped at {Cap} (open files limit {FileLimit.Current()}, ", Assert.Single(logs.Messages(EventIds.ConnectionLimitSet)));

        // Below the cap again, /ready is LIVE.
        foreach (var s in idle) s.Dispose();
        client.Dispose();
        var ready = await Eventually.UntilAsync(() => ReadyAsync(admin, ct), r => r.Body == "LIVE");
        Assert.Equal((HttpStatusCode.OK, "LIVE"), ready);
    }

    [Fact]
    public async Task When_every_connection_has_a_request_in_flight_a_new_one_is_refused_and_none_is_cut()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var backend = await ScriptedBackend.StartAsync("frontend", async (c, _, b) =>
        {
            await b.Released.WaitAsync(c.RequestAborted);
            await ScriptedBackend.AnswerAsync(c, b);
        });
        backend.Hold();
        var (host, logs) = await StartAsync(backend);
        await using var _ = host;

        var busy = new List<Socket>();
        var answers = new List<Task<string>>();
        for (var i = 0; i < Cap; i++)
        {
            var s = await ConnectAsync(host, ct);
            busy.Add(s);
            answers.Add(ExchangeAsync(s, ct));
        }
        Assert.True(await Eventually.TrueAsync(() => backend.Requests == Cap));

        using (var late = await ConnectAsync(host, ct))
        {
            // Closed without an answer: nothing was shed, so nothing else could be admitted.
            var buffer = new byte[64];
            using var guard = CancellationTokenSource.CreateLinkedTokenSource(ct);
            guard.CancelAfter(TimeSpan.FromSeconds(60));
            int read;
            try
            {
                await late.SendAsync(Request, SocketFlags.None, guard.Token);
                read = await late.ReceiveAsync(buffer, SocketFlags.None, guard.Token);
            }
            catch (SocketException)
            {
                read = 0; // reset rather than closed: refused either way
            }
            Assert.Equal(0, read);
        }
        Assert.Equal(1, host.Connections.Refused);
        Assert.Equal(0, host.Connections.Shed);
        Assert.Single(logs.Messages(EventIds.ConnectionLimitReached));

        backend.Release();
        foreach (var answer in answers) Assert.Equal("HTTP/1.1 200 OK", await answer);
        foreach (var s in busy) s.Dispose();
    }

    [Theory]
    [InlineData(256L, 180, 38)]
    [InlineData(1024L, 180, 422)]
    [InlineData(20000L, 180, 9910)]
    [InlineData(1048576L, 180, 100000)]
    [InlineData(200L, 200, 1)]
    [InlineData(null, 180, 100000)]
    public void The_default_cap_is_half_the_files_not_yet_open_at_most_100000(long? files, int open, int expected) =>
        Assert.Equal(expected, SwitchyardHost.DefaultMaxConnections(files, open));

    [Fact]
    public async Task Starting_a_proxy_raises_the_soft_open_files_limit_to_the_hard_limit()
    {
        if (!OperatingSystem.IsLinux()) return;
        await using var backend = await ScriptedBackend.StartAsync("frontend", (c, _, b) => ScriptedBackend.AnswerAsync(c, b));
        var (host, _) = await StartAsync(backend);
        await using var __ = host;
        var limits = File.ReadAllLines("/proc/self/limits").Single(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var fields = limits["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(fields[1], fields[0]); // soft == hard
        Assert.Equal(fields[0], FileLimit.Current()!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static readonly byte[] Request = Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: frontend\r\n\r\n");

    private static async Task<Socket> ConnectAsync(SwitchyardHost host, CancellationToken ct)
    {
        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await s.ConnectAsync(new IPEndPoint(IPAddress.Loopback, host.ProxyUri.Port), ct);
        return s;
    }

    /// <summary>Sends one request and returns the response's status line.</summary>
    private static async Task<string> ExchangeAsync(Socket socket, CancellationToken ct)
    {
        await socket.SendAsync(Request, SocketFlags.None, ct);
        var buffer = new byte[4096];
        var received = new StringBuilder();
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(ct);
        guard.CancelAfter(TimeSpan.FromSeconds(60));
        while (!received.ToString().Contains("\r\n", StringComparison.Ordinal))
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, guard.Token);
            if (n == 0) break;
            received.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
        var text = received.ToString();
        var end = text.IndexOf("\r\n", StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    /// <summary>The peer closed: readable with nothing left to read (a response still unread is drained first).</summary>
    private static bool IsClosedByPeer(Socket s)
    {
        try
        {
            var buffer = new byte[4096];
            while (s.Available > 0) s.Receive(buffer);
            return s.Poll(0, SelectMode.SelectRead) && s.Available == 0;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> ReadyAsync(HttpClient admin, CancellationToken ct)
    {
        using var response = await admin.GetAsync("/ready", ct);
        return (response.StatusCode, (await response.Content.ReadAsStringAsync(ct)).Trim());
    }
}
