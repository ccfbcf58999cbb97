using System.Net;
using System.Net.Sockets;
using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Proxy.Hosting;
using Switchyard.Proxy.Tests.TestSupport;
using Switchyard.Sources;

namespace Switchyard.Proxy.Tests.Admin;

/// <summary>
/// Envoy's /ready says DRAINING (503) from the moment shutdown starts draining: the outbound
/// listener refuses new connections and finishes the requests in flight, while the admin API
/// stays up and tells load balancers and kubelet not to send more. Before, it said LIVE while new
/// connections were already refused.
/// </summary>
public class DrainReadinessTests
{
    [Fact]
    public async Task Ready_says_DRAINING_while_a_request_in_flight_finishes_and_that_request_still_gets_its_answer()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var backend = await ScriptedBackend.StartAsync("held", async (c, _, b) =>
        {
            await b.Released.WaitAsync(c.RequestAborted);
            await ScriptedBackend.AnswerAsync(c, b);
        });
        backend.Hold();
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
        }, ct);
        using var admin = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = host.AdminUri };
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = host.ProxyUri, Timeout = TimeSpan.FromSeconds(90) };
        Assert.Equal((HttpStatusCode.OK, "LIVE"), await ReadyAsync(admin, ct));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/held");
        request.Headers.Host = "frontend";
        var held = client.SendAsync(request, ct);
        Assert.True(await Eventually.TrueAsync(() => backend.Requests == 1));

        var stopping = host.DisposeAsync().AsTask();
        try
        {
            // The drain has begun: the admin API answers, and says so.
            var ready = await Eventually.UntilAsync(() => ReadyAsync(admin, ct), r => r.Body == "DRAINING");
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "DRAINING"), ready);
            Assert.False(stopping.IsCompleted);
            // New connections to the outbound listener are refused meanwhile.
            using var late = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            var refused = await Assert.ThrowsAsync<SocketException>(async () => await late.ConnectAsync(new IPEndPoint(IPAddress.Loopback, host.ProxyUri.Port), ct));
            Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        }
        finally
        {
            backend.Release();
        }
        using var response = await held;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("held", (await response.Content.ReadAsStringAsync(ct)).Trim());
        await stopping;
        Assert.Empty(logs.Messages(EventIds.ShutdownStepFailed));
    }

    private static async Task<(HttpStatusCode Status, string Body)> ReadyAsync(HttpClient admin, CancellationToken ct)
    {
        using var response = await admin.GetAsync("/ready", ct);
        return (response.StatusCode, (await response.Content.ReadAsStringAsync(ct)).Trim());
    }
}
