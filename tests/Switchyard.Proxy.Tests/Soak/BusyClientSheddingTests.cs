using System.Net.Sockets;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Soak;

/// <summary>
/// Regression found by bench/soak.sh's hostile run: a well-behaved keep-alive client opened
/// before an idle flood is the oldest connection, and at the cap every newcomer shed the oldest
/// idle one, so the client's connection was closed in the microseconds between two of its
/// requests (237 failed requests of 440,167). A connection that served a request since the
/// last shedding scan now gets a second chance; the flood's connections, which never sent a
/// byte, go first.
/// </summary>
public sealed class BusyClientSheddingTests
{
    private const int Cap = 4;
    private const string Get = "GET / HTTP/1.1\r\nHost: shop\r\n\r\n";

    [Fact]
    public async Task A_keep_alive_client_older_than_an_idle_flood_keeps_its_connection_while_newcomers_shed_the_flood()
    {
        await using var backend = await ScriptedBackend.StartAsync("shop", (c, _, b) => ScriptedBackend.AnswerAsync(c, b));
        await using var host = await SoakHost.StartAsync(MeshYaml.Join(
            MeshYaml.VirtualService("shop", "- route: [{destination: {host: shop}}]"),
            ServiceEntryYaml.For("shop", [(backend.Port, "app: shop")])), Cap);
        var port = host.ProxyUri.Port;

        // The client first, then a flood that fills the cap; one at a time, so arrival order is known.
        using var client = await RawClient.ConnectAsync(port);
        Assert.Equal(200, await RawClient.SendAsync(client, Get));
        var flood = new List<Socket>();
        for (var i = 1; i < Cap; i++)
        {
            flood.Add(await RawClient.ConnectAsync(port));
            Assert.True(await Eventually.TrueAsync(() => host.Connections.Active == i + 1));
        }

        // Each newcomer sheds one idle connection; the client keeps sending between them.
        var newcomers = new List<Socket>();
        for (var i = 0; i < Cap - 1; i++)
        {
            var shed = host.Connections.Shed;
            newcomers.Add(await RawClient.ConnectAsync(port));
            Assert.True(await Eventually.TrueAsync(() => host.Connections.Shed > shed), $"newcomer {i} shed nothing");
            Assert.Equal(200, await RawClient.SendAsync(client, Get));
        }

        Assert.False(RawClient.IsClosedByPeer(client));
        foreach (var s in flood) Assert.True(await Eventually.TrueAsync(() => RawClient.IsClosedByPeer(s)), "a flood connection is still open");
        Assert.Equal(0, host.Connections.Refused);
        foreach (var s in flood.Concat(newcomers)) s.Dispose();
    }
}
