using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Switchyard.Proxy.Hosting;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Soak;

/// <summary>
/// The short variant of bench/soak.sh's hostile run: idle connections past the connection cap,
/// slowloris clients and oversized requests against the listener, while a well-behaved client
/// keeps getting 200. The limits answer with Envoy's codes: 408 for headers too slow, 431 for
/// headers too large, 413 for a body too large.
/// </summary>
public sealed class HostileClientsTests(ITestOutputHelper output)
{
    private const int Cap = 200;
    private const int Idle = 300;
    private const int Slowloris = 20;
    private const int WellBehaved = 200;

    [Fact]
    public async Task Idle_flood_slowloris_and_oversized_requests_get_Envoys_answers_while_a_well_behaved_client_keeps_getting_200()
    {
        await using var backend = await ScriptedBackend.StartAsync("shop", (c, _, b) => ScriptedBackend.AnswerAsync(c, b));
        await using var host = await SoakHost.StartAsync(MeshYaml.Join(
                MeshYaml.VirtualService("shop", "- route: [{destination: {host: shop}}]"),
                ServiceEntryYaml.For("shop", [(backend.Port, "app: shop")])),
            Cap, new DownstreamLimits { RequestHeadersTimeout = TimeSpan.FromSeconds(1), MaxRequestBodySize = 1000 });
        var port = host.ProxyUri.Port;
        var sockets = new List<Socket>();
        try
        {
            var clock = Stopwatch.StartNew();
            // More idle connections than the cap, as fast as they connect: the proxy sheds the
            // oldest idle ones for newcomers, and refuses what arrives faster than it can shed.
            for (var i = 0; i < Idle; i++) sockets.Add(await RawClient.ConnectAsync(port));
            Assert.True(await Eventually.TrueAsync(() => host.Connections.Shed + host.Connections.Refused >= Idle - Cap && host.Connections.Active == Cap),
                $"{host.Connections.Active} open, shed {host.Connections.Shed}, refused {host.Connections.Refused}");
            output.WriteLine($"idle flood: {clock.ElapsedMilliseconds} ms, shed {host.Connections.Shed}, refused {host.Connections.Refused}");

            // Slowloris: a request line and one header, then nothing more. One at a time, each
            // admitted (an idle connection shed for it) before the next arrives.
            var slow = new List<Task<int>>();
            for (var i = 0; i < Slowloris; i++)
            {
                var shed = host.Connections.Shed;
                var s = await RawClient.ConnectAsync(port);
                sockets.Add(s);
                await s.SendAsync("GET / HTTP/1.1\r\nHost: shop\r\nx-slow: 1\r\n"u8.ToArray(), SocketFlags.None, TestContext.Current.CancellationToken);
                slow.Add(RawClient.StatusAsync(s));
                Assert.True(await Eventually.TrueAsync(() => host.Connections.Shed > shed), $"slowloris {i} was not admitted");
            }
            output.WriteLine($"slowloris admitted: {clock.ElapsedMilliseconds} ms");

            // Oversized: headers over Envoy's 60 KiB default, a body over the 1,000-byte limit.
            var headers = RawClient.ExchangeAsync(port, $"GET / HTTP/1.1\r\nHost: shop\r\nx-big: {new string('a', 62 * 1024)}\r\n\r\n");
            var body = RawClient.ExchangeAsync(port, $"POST / HTTP/1.1\r\nHost: shop\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n{new string('x', 5000)}");

            // The well-behaved client, one keep-alive connection, meanwhile.
            using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = host.ProxyUri };
            var worst = TimeSpan.Zero;
            for (var i = 0; i < WellBehaved; i++)
            {
                var start = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = "shop" } };
                using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                if (Stopwatch.GetElapsedTime(start) is var took && took > worst) worst = took;
            }
            output.WriteLine($"well-behaved client: {WellBehaved} x 200, worst {worst.TotalMilliseconds:F1} ms; shed {host.Connections.Shed}, refused {host.Connections.Refused}");

            Assert.Equal(431, await headers);
            Assert.Equal(413, await body);
            Assert.All(await Task.WhenAll(slow), status => Assert.Equal(408, status));
            output.WriteLine($"all answered: {clock.ElapsedMilliseconds} ms");
        }
        finally
        {
            foreach (var s in sockets) s.Dispose();
        }
    }
}
