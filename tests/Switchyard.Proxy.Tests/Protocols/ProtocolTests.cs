using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Protocols;

/// <summary>The ways clients reach a sidecar besides plain HTTP/1.1 with a Host header: HTTP/2
/// prior knowledge, the proxy configured as HTTP_PROXY (absolute-form request targets), and
/// WebSocket upgrades.</summary>
public class ProtocolTests
{
    private static readonly string AllToV1 = MeshYaml.VirtualService("frontend", "- route: [{destination: {host: frontend}}]");

    // Kestrel chooses HTTP/2 on an Http1AndHttp2 endpoint only through TLS ALPN; on cleartext it
    // answers a prior-knowledge preface with GOAWAY HTTP_1_1_REQUIRED (dotnet/aspnetcore#56984).
    // Http2PriorKnowledgeSelector sniffs the preface, as Envoy's codec_type AUTO does, so gRPC and
    // other h2c clients (`curl --http2-prior-knowledge`) share the port with HTTP/1.1.
    [Fact]
    public async Task Http2_prior_knowledge_cleartext_client_is_served_over_h2()
    {
        await using var h = await ProxyHarness.StartAsync(AllToV1, "frontend", "v1");
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = h.Server.ProxyUri,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/h2/{i}")
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };
            request.Headers.Host = "frontend";
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpVersion.Version20, response.Version);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.StartsWith("frontend v1\n", body);
            Assert.Contains($"GET /h2/{i}", body);
            // :authority reaches the backend as its Host.
            Assert.Contains("host: frontend", body);
        }
        Assert.Contains(h.Outcomes, o => o.Protocol == "HTTP/2" && o.Status == 200 && o.Authority == "frontend");
    }

    [Fact]
    public async Task Http2_prior_knowledge_client_gets_concurrent_streams_on_one_connection_all_answered()
    {
        const int streams = 8;
        // The backend answers only once all streams are in flight together, so streams that the
        // proxy served one after another would never be answered.
        await using var gated = await ScriptedBackend.StartAsync("gated", async (c, n, b) =>
        {
            if (n >= streams) b.Release();
            await b.Released.WaitAsync(c.RequestAborted);
            await c.Response.WriteAsync($"released {c.Request.Path}");
        });
        var gatedEntry = ServiceEntryYaml.For("gated", [(gated.Port, "app: gated")]);
        await using var h = await ProxyHarness.StartAsync(MeshYaml.Join(gatedEntry, AllToV1), "frontend", "v1");
        var connects = 0;
        using var client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (context, ct) =>
            {
                Interlocked.Increment(ref connects);
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        })
        { BaseAddress = h.Server.ProxyUri };

        var ct = TestContext.Current.CancellationToken;
        var answers = await Task.WhenAll(Enumerable.Range(0, streams).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/stream/{i}")
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };
            request.Headers.Host = "gated";
            using var response = await client.SendAsync(request, ct);
            return (response.Version, response.StatusCode, Body: await response.Content.ReadAsStringAsync(ct));
        }));

        for (var i = 0; i < streams; i++)
        {
            Assert.Equal(HttpVersion.Version20, answers[i].Version);
            Assert.Equal(HttpStatusCode.OK, answers[i].StatusCode);
            Assert.Equal($"released /stream/{i}", answers[i].Body);
        }
        Assert.Equal(1, connects);
    }

    [Fact]
    public async Task Http1_request_whose_first_byte_matches_the_h2_preface_is_served_over_HTTP_1_1()
    {
        // "POST" starts with the preface's "P"; the listener must tell them apart and leave every
        // byte to Kestrel's HTTP/1.1 parser.
        await using var h = await ProxyHarness.StartAsync(AllToV1, "frontend", "v1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/submit") { Content = new StringContent("payload") };
        request.Headers.Host = "frontend";
        using var response = await h.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("POST /submit\n", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains(h.Outcomes, o => o.Protocol == "HTTP/1.1" && o.Method == "POST" && o.Status == 200);
    }

    [Fact]
    public async Task Absolute_form_request_through_the_proxy_as_HTTP_PROXY_reaches_the_backend()
    {
        await using var h = await ProxyHarness.StartAsync(AllToV1, "frontend", "v1");
        using var client = new HttpClient(new SocketsHttpHandler { Proxy = new WebProxy(h.Server.ProxyUri), UseProxy = true });
        using var response = await client.GetAsync("http://frontend/via-proxy?x=1", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("frontend v1\n", body);
        // The backend sees an origin-form path and the authority as Host.
        Assert.Contains("GET /via-proxy?x=1\n", body);
        Assert.Contains("host: frontend\n", body);
    }

    [Fact]
    public async Task Absolute_form_request_for_an_unknown_host_is_404()
    {
        await using var h = await ProxyHarness.StartAsync(AllToV1, "frontend", "v1");
        using var client = new HttpClient(new SocketsHttpHandler { Proxy = new WebProxy(h.Server.ProxyUri), UseProxy = true });
        using var response = await client.GetAsync("http://nosuchservice/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task WebSocket_upgrade_passes_through_and_messages_echo_both_ways()
    {
        await using var echo = await WebSocketEchoServer.StartAsync();
        var wsEntry = ServiceEntryYaml.For("ws-echo", [(echo.Port, "app: ws-echo")]);
        await using var h = await ProxyHarness.StartAsync(MeshYaml.Join(wsEntry, AllToV1), "frontend", "v1");

        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Host", "ws-echo");
        var ct = TestContext.Current.CancellationToken;
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{h.Server.ProxyUri.Port}/echo"), ct);
        Assert.Equal(WebSocketState.Open, socket.State);
        Assert.Equal("ws-echo", echo.LastHost);

        foreach (var text in new[] { "hello mesh", "second message", new string('x', 5000) })
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, ct);
            Assert.Equal(text, await ReceiveTextAsync(socket, ct));
        }

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", ct);
        Assert.Equal(WebSocketState.Closed, socket.State);
        // The outcome is recorded when the tunnel ends, which may be just after the close handshake.
        Assert.True(await Eventually.TrueAsync(() => h.Outcomes.Any(o => o.Authority == "ws-echo" && o.Status == 101)),
            string.Join("\n", h.Outcomes));
    }

    private static async Task<string> ReceiveTextAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            Assert.Equal(WebSocketMessageType.Text, result.MessageType);
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return Encoding.UTF8.GetString(message.ToArray());
        }
    }
}
