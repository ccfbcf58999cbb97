using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Loading;
using Switchyard.Proxy.Hosting;
using Switchyard.Proxy.Tests.TestSupport;
using Switchyard.Sources;

namespace Switchyard.Proxy.Tests.Protocols;

/// <summary>
/// Hostile clients against the outbound listener get Envoy's status codes: headers over the limit
/// 431 (max_request_headers_kb, 60 KiB by default), headers sent too slowly (slowloris) 408
/// (request_headers_timeout), a body over the limit 413, and the proxy keeps serving.
/// </summary>
public sealed class DownstreamLimitsTests
{
    private static async Task<(SwitchyardHost Host, ScriptedBackend Backend)> StartAsync(DownstreamLimits limits)
    {
        var backend = await ScriptedBackend.StartAsync("frontend", (c, _, b) => ScriptedBackend.AnswerAsync(c, b));
        var config = new InMemorySource();
        var load = ConfigLoader.LoadText(MeshYaml.VirtualService("frontend", "- route: [{destination: {host: frontend}}]")
            + "\n---\n" + ServiceEntryYaml.For("frontend", [(backend.Port, "app: frontend, version: v1")]), "test.yaml");
        config.Set(load.Resources);
        var host = await SwitchyardHost.StartAsync(new SwitchyardHostOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            Admin = null,
            Sources = [config],
            Random = new SeededRandom(1),
            LoggerFactory = NullLoggerFactory.Instance,
            Limits = limits,
        }, TestContext.Current.CancellationToken);
        return (host, backend);
    }

    [Fact]
    public async Task Headers_over_60_KiB_by_default_are_431_and_headers_under_it_are_served()
    {
        var (host, backend) = await StartAsync(new DownstreamLimits());
        await using var _ = backend;
        await using var __ = host;

        var big = await RawAsync(host, $"GET / HTTP/1.1\r\nHost: frontend\r\nx-big: {new string('a', 62 * 1024)}\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 431 ", big);

        // (The backend, a default Kestrel, takes up to 32 KiB.)
        var fits = await RawAsync(host, $"GET / HTTP/1.1\r\nHost: frontend\r\nx-big: {new string('a', 20 * 1024)}\r\nConnection: close\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 200 ", fits);
        Assert.Equal(1, backend.Requests);
    }

    [Fact]
    public async Task A_lower_header_limit_is_enforced_by_the_proxy_itself()
    {
        var (host, backend) = await StartAsync(new DownstreamLimits { MaxRequestHeadersSize = 8 * 1024 });
        await using var _ = backend;
        await using var __ = host;

        var big = await RawAsync(host, $"GET / HTTP/1.1\r\nHost: frontend\r\nx-big: {new string('a', 10 * 1024)}\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 431 ", big);
        Assert.Equal(0, backend.Requests);
    }

    [Fact]
    public async Task A_client_that_trickles_its_headers_past_the_timeout_gets_408_and_the_connection_is_closed()
    {
        var (host, backend) = await StartAsync(new DownstreamLimits { RequestHeadersTimeout = TimeSpan.FromSeconds(1) });
        await using var _ = backend;
        await using var __ = host;

        // Slowloris: a request line and one header, then silence. The answer is awaited, not timed.
        var answer = await RawAsync(host, "GET / HTTP/1.1\r\nHost: frontend\r\n");
        Assert.StartsWith("HTTP/1.1 408 ", answer);
        Assert.Equal(0, backend.Requests);

        var next = await RawAsync(host, "GET / HTTP/1.1\r\nHost: frontend\r\nConnection: close\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 200 ", next);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_one_under_it_is_forwarded()
    {
        var (host, backend) = await StartAsync(new DownstreamLimits { MaxRequestBodySize = 1000 });
        await using var _ = backend;
        await using var __ = host;

        var tooLarge = await RawAsync(host, $"POST / HTTP/1.1\r\nHost: frontend\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n{new string('x', 5000)}");
        Assert.StartsWith("HTTP/1.1 413 ", tooLarge);

        var fits = await RawAsync(host, $"POST / HTTP/1.1\r\nHost: frontend\r\nContent-Length: 500\r\nConnection: close\r\n\r\n{new string('x', 500)}");
        Assert.StartsWith("HTTP/1.1 200 ", fits);
        Assert.Contains(new string('x', 500), backend.Bodies);
    }

    /// <summary>Sends raw bytes and returns everything the proxy answers until it closes the connection.</summary>
    private static async Task<string> RawAsync(SwitchyardHost host, string request)
    {
        var ct = TestContext.Current.CancellationToken;
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, host.ProxyUri.Port), ct);
        try
        {
            await socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, ct);
        }
        catch (SocketException)
        {
            // The proxy answered and closed before taking everything (an oversized request).
        }
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(ct);
        guard.CancelAfter(TimeSpan.FromSeconds(60));
        var received = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            int n;
            while ((n = await socket.ReceiveAsync(buffer, SocketFlags.None, guard.Token)) > 0) received.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
        catch (SocketException)
        {
            // Reset after the answer: what arrived is the answer.
        }
        return received.ToString();
    }
}
