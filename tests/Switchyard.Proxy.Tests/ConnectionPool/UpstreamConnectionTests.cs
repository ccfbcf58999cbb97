using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Switchyard.Model;
using Switchyard.Model.Networking;
using Switchyard.Proxy.ConnectionPool;
using Switchyard.Translation.Policies.ConnectionPool;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.ConnectionPool;

/// <summary>connectionPool settings that shape the upstream connections themselves: requests per
/// connection, the HTTP version spoken to the endpoint, TCP keepalive.</summary>
public class UpstreamConnectionTests
{
    [Theory]
    [InlineData("http: {maxRequestsPerConnection: 1}", 6)]
    [InlineData("http: {maxRequestsPerConnection: 2}", 3)]
    [InlineData("http: {maxRequestsPerConnection: 3}", 2)]
    [InlineData("tcp: {connectTimeout: 5s}", 1)]
    public async Task MaxRequestsPerConnection_opens_a_new_connection_after_that_many_requests(string pool, int connections)
    {
        await using var backend = await ProtocolEcho();
        await using var h = await ProxyHarness.StartAsync(PoolYaml.For(pool, backend.Port), "frontend", "v1");
        for (var i = 0; i < 6; i++) Assert.Equal(HttpStatusCode.OK, (await h.GetAsync(PoolYaml.Host)).Status);
        Assert.Equal(connections, backend.ConnectionIds.Distinct().Count());
    }

    [Fact]
    public async Task H2UpgradePolicy_UPGRADE_speaks_h2c_to_the_endpoint()
    {
        await using var backend = await ProtocolEcho(HttpProtocols.Http2);
        await using var h = await ProxyHarness.StartAsync(PoolYaml.For("http: {h2UpgradePolicy: UPGRADE}", backend.Port), "frontend", "v1");
        var (status, body) = await h.GetAsync(PoolYaml.Host);
        Assert.Equal((HttpStatusCode.OK, "HTTP/2"), (status, body));
    }

    [Theory]
    [InlineData("http: {h2UpgradePolicy: DEFAULT}")]
    [InlineData("http: {h2UpgradePolicy: DO_NOT_UPGRADE}")]
    [InlineData("http: {h2UpgradePolicy: UPGRADE, useClientProtocol: true}")]
    public async Task Without_upgrade_an_HTTP1_client_is_forwarded_as_HTTP1(string pool)
    {
        await using var backend = await ProtocolEcho();
        await using var h = await ProxyHarness.StartAsync(PoolYaml.For(pool, backend.Port), "frontend", "v1");
        Assert.Equal((HttpStatusCode.OK, "HTTP/1.1"), await h.GetAsync(PoolYaml.Host));
    }

    [Theory]
    [InlineData("http: {useClientProtocol: true}", HttpProtocols.Http2, "HTTP/2")]
    [InlineData("http: {h2UpgradePolicy: DEFAULT}", HttpProtocols.Http1, "HTTP/1.1")]
    public async Task An_h2c_client_reaches_the_endpoint_over_HTTP2_only_with_useClientProtocol(string pool, HttpProtocols backendProtocols, string seen)
    {
        await using var backend = await ProtocolEcho(backendProtocols);
        await using var h = await ProxyHarness.StartAsync(PoolYaml.For(pool, backend.Port), "frontend", "v1");
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = h.Server.ProxyUri };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Headers.Host = PoolYaml.Host;
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(seen, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("HTTP2")]
    [InlineData("GRPC")]
    public async Task An_HTTP2_or_GRPC_service_port_is_spoken_to_over_HTTP2_without_any_pool_setting(string protocol)
    {
        await using var backend = await ProtocolEcho(HttpProtocols.Http2);
        var yaml = PoolYaml.For("http: {}", backend.Port).Replace("name: http, protocol: HTTP", $"name: http, protocol: {protocol}");
        await using var h = await ProxyHarness.StartAsync(yaml, "frontend", "v1");
        Assert.Equal((HttpStatusCode.OK, "HTTP/2"), await h.GetAsync(PoolYaml.Host));
    }

    [Fact]
    public async Task TcpKeepalive_requests_go_through_sockets_with_keepalive()
    {
        await using var backend = await ProtocolEcho();
        await using var h = await ProxyHarness.StartAsync(PoolYaml.For("tcp: {tcpKeepalive: {time: 7s, interval: 3s, probes: 4}}", backend.Port), "frontend", "v1");
        Assert.Equal((HttpStatusCode.OK, "HTTP/1.1"), await h.GetAsync(PoolYaml.Host));
    }

    /// <summary>Answers at once with the protocol each request arrived in.</summary>
    private static Task<ScriptedBackend> ProtocolEcho(HttpProtocols protocols = HttpProtocols.Http1AndHttp2) =>
        ScriptedBackend.StartAsync("pool", (c, _, _) => ScriptedBackend.AnswerProtocolAsync(c), protocols);

    [Fact]
    public void TcpKeepalive_sets_the_socket_options_it_is_given()
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        new TcpKeepaliveConnector(UpstreamClientSpec.Compile(new ConnectionPoolSettings { Tcp = new TCPSettings { TcpKeepalive = new TcpKeepalive { Time = new Duration(7_000_000_000), Interval = new Duration(3_000_000_000), Probes = 4 } } }).TcpKeepalive!).Configure(socket);
        Assert.Equal(1, (int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive)!);
        Assert.Equal(7, (int)socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime)!);
        Assert.Equal(3, (int)socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval)!);
        Assert.Equal(4, (int)socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount)!);
    }
}
