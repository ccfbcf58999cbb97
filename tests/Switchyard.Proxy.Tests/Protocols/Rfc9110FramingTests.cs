using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Protocols;

/// <summary>
/// RFC 9110 framing and hop-by-hop rules at the proxy, as Envoy applies them: a malformed body is
/// the client's error (400, DC), an authority whose port cannot exist is 400 before routing, and
/// the fields a <c>Connection</c> header names are not forwarded, in either direction.
/// </summary>
public sealed class Rfc9110FramingTests
{
    private static readonly string Config = MeshYaml.VirtualService("frontend", "- route: [{destination: {host: frontend}}]");

    private static async Task<ScriptedProxyHarness> StartAsync(Func<Microsoft.AspNetCore.Http.HttpContext, int, ScriptedBackend, Task>? handler = null)
    {
        var backend = await ScriptedBackend.StartAsync("frontend", handler ?? ((c, _, b) => ScriptedBackend.AnswerAsync(c, b)));
        return await ScriptedProxyHarness.StartAsync(Config, [backend]);
    }

    [Fact]
    public async Task A_malformed_chunked_body_is_answered_400_and_logged_as_the_downstreams_DC()
    {
        await using var h = await StartAsync();
        var response = await RawAsync(h.Server.ProxyUri,
            "POST /upload HTTP/1.1\r\nHost: frontend\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nnot-a-chunk-size\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 400 ", response);
        var outcome = await h.Outcomes.WaitForSingleAsync();
        Assert.Equal(400, outcome.Status);
        Assert.Equal("DC", outcome.Flags.ToEnvoyString());
        Assert.Equal("downstream_remote_disconnect", outcome.ResponseCodeDetails);
    }

    [Theory]
    [InlineData("frontend:99999")]
    [InlineData("frontend:65536")]
    public async Task A_host_whose_port_cannot_exist_is_400_and_never_forwarded(string host)
    {
        await using var h = await StartAsync();
        var response = await RawAsync(h.Server.ProxyUri, $"GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 400 ", response);
        var outcome = await h.Outcomes.WaitForSingleAsync();
        Assert.Equal((400, "http.invalid_authority"), (outcome.Status, outcome.ResponseCodeDetails));
        Assert.Equal(0, h.Backends[0].Requests);
    }

    [Fact]
    public async Task A_host_with_a_valid_port_is_routed_as_before()
    {
        await using var h = await StartAsync();
        var response = await RawAsync(h.Server.ProxyUri, "GET / HTTP/1.1\r\nHost: frontend:65535\r\nConnection: close\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 200 ", response);
    }

    [Fact]
    public async Task Fields_named_in_the_clients_Connection_header_are_not_forwarded()
    {
        await using var h = await StartAsync();
        var response = await RawAsync(h.Server.ProxyUri,
            "GET / HTTP/1.1\r\nHost: frontend\r\nConnection: x-hop, X-Other-Hop\r\nx-hop: 1\r\nx-other-hop: 2\r\nx-end-to-end: 3\r\nContent-Length: 0\r\n\r\n",
            readUntilClose: false);

        Assert.StartsWith("HTTP/1.1 200 ", response);
        Assert.True(h.Backends[0].Headers.TryDequeue(out var headers));
        Assert.DoesNotContain("x-hop", headers.Keys);
        Assert.DoesNotContain("x-other-hop", headers.Keys);
        Assert.Equal("3", headers["x-end-to-end"]);
    }

    [Fact]
    public async Task Fields_named_in_the_upstreams_Connection_header_are_not_returned_to_the_client()
    {
        await using var h = await StartAsync(async (c, _, b) =>
        {
            c.Response.Headers["x-upstream-hop"] = "1";
            c.Response.Headers["x-kept"] = "2";
            c.Response.Headers.Connection = "x-upstream-hop";
            await ScriptedBackend.AnswerAsync(c, b);
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "frontend";
        using var response = await h.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("x-upstream-hop"));
        Assert.Equal(["2"], response.Headers.GetValues("x-kept"));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("/*")]
    [InlineData("/x?y=1")]
    public async Task An_OPTIONS_request_target_reaches_the_backend_as_the_client_sent_it(string target)
    {
        // RFC 9112 3.2.4: the last proxy MUST send "*" for OPTIONS *, not "/" or "/*"; the backend
        // is a real Kestrel reading the raw request target of each request.
        var targets = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var h = await StartAsync((c, _, b) =>
        {
            targets.Enqueue(c.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget);
            return ScriptedBackend.AnswerAsync(c, b);
        });
        // Twice on one connection: the second request starts after the first response was read.
        var request = $"OPTIONS {target} HTTP/1.1\r\nHost: frontend\r\n\r\n";
        var response = await RawAsync(h.Server.ProxyUri, request + request + $"GET / HTTP/1.1\r\nHost: frontend\r\nConnection: close\r\n\r\n");

        Assert.Equal(3, response.Split("HTTP/1.1 200 ").Length - 1);
        Assert.Equal([target, target, "/"], targets.ToArray());
    }

    /// <summary>Sends raw bytes and returns what the proxy answers: until it closes, or until one
    /// response's headers have arrived when <paramref name="readUntilClose"/> is false.</summary>
    private static async Task<string> RawAsync(Uri proxy, string request, bool readUntilClose = true)
    {
        var ct = TestContext.Current.CancellationToken;
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, proxy.Port), ct);
        await socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, ct);
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(ct);
        guard.CancelAfter(TimeSpan.FromSeconds(60));
        var received = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            while (readUntilClose || !received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var n = await socket.ReceiveAsync(buffer, SocketFlags.None, guard.Token);
                if (n == 0) break;
                received.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }
        }
        catch (SocketException)
        {
            // Reset after the answer: what arrived is the answer.
        }
        return received.ToString();
    }
}
