using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Protocols;

/// <summary>
/// A client whose request body fails (malformed chunking, a truncated upload) is the downstream's
/// fault: Envoy counts it as a downstream error (DC), never as an upstream reset. So it is not
/// reported to outlier detection, not retried, and cannot eject healthy endpoints (before this,
/// 20 such requests ejected all 4 endpoints and every client got 503 UH).
/// </summary>
public sealed class DownstreamBodyFailureTests
{
    private static readonly string Config = MeshYaml.Join(
        MeshYaml.VirtualService("frontend", """
            - route: [{destination: {host: frontend}}]
              retries: {attempts: 2, retryOn: "5xx,reset,connect-failure"}
            """),
        MeshYaml.DestinationRule("frontend", trafficPolicy: """
            loadBalancer: {simple: ROUND_ROBIN}
            outlierDetection: {consecutive5xxErrors: 3, interval: 1s, baseEjectionTime: 15s, maxEjectionPercent: 100}
            """));

    private static async Task<ScriptedProxyHarness> StartAsync()
    {
        var backends = new List<ScriptedBackend>();
        for (var i = 1; i <= 4; i++)
            backends.Add(await ScriptedBackend.StartAsync($"backend {i}", (c, _, b) => ScriptedBackend.AnswerAsync(c, b)));
        return await ScriptedProxyHarness.StartAsync(Config, backends);
    }

    private static string Head(string framing) => $"POST /upload HTTP/1.1\r\nHost: frontend\r\n{framing}\r\n\r\n";

    [Fact]
    public Task Malformed_chunked_bodies_do_not_eject_healthy_endpoints() =>
        TwentyBrokenBodiesLeaveEveryEndpointServing(Head("Transfer-Encoding: chunked") + "5\r\nhello\r\nnot-a-chunk-size\r\n\r\n", closeAfterSend: false);

    [Fact]
    public Task Truncated_uploads_do_not_eject_healthy_endpoints() =>
        TwentyBrokenBodiesLeaveEveryEndpointServing(Head("Content-Length: 100000") + new string('x', 1000), closeAfterSend: true);

    private static async Task TwentyBrokenBodiesLeaveEveryEndpointServing(string request, bool closeAfterSend)
    {
        await using var h = await StartAsync();
        for (var i = 0; i < 20; i++) await SendRawAsync(h.Server.ProxyUri, request, closeAfterSend);

        var broken = await h.Outcomes.WaitForAsync(20);
        Assert.All(broken, o => Assert.Contains("DC", o.Flags.ToEnvoyString(), StringComparison.Ordinal));
        Assert.All(broken, o => Assert.Equal("downstream_remote_disconnect", o.ResponseCodeDetails));
        // Never retried: one attempt each, and never more than one upstream request per client request.
        Assert.All(broken, o => Assert.True(o.Attempts <= 1, $"{o.Attempts} attempts"));
        Assert.True(h.Backends.Sum(b => b.Requests) <= 20);

        // Round robin over 4 endpoints: 8 good requests reach each endpoint twice only if none was
        // ejected. Counted by who answered, not by the backends' counters, which a broken request
        // may still reach after its outcome was logged.
        var answeredBy = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var (status, body, outcome) = await h.GetAsync();
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("via_upstream", outcome.ResponseCodeDetails);
            answeredBy.Add(body);
        }
        Assert.Equal([2, 2, 2, 2], h.Backends.Select(b => answeredBy.Count(a => a.Contains(b.Name, StringComparison.Ordinal))).ToArray());
    }

    /// <summary>Sends raw bytes; when asked, closes its sending side (a client that stopped
    /// mid-upload); then reads whatever the proxy answers until it closes the connection.</summary>
    private static async Task SendRawAsync(Uri proxy, string request, bool closeAfterSend)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, proxy.Port), TestContext.Current.CancellationToken);
        await socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, TestContext.Current.CancellationToken);
        if (closeAfterSend) socket.Shutdown(SocketShutdown.Send);
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(60));
        var buffer = new byte[4096];
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, guard.Token) > 0) { }
        }
        catch (SocketException)
        {
            // The proxy may reset the connection instead of closing it: the exchange is over either way.
        }
    }
}
