using System.Net;
using Switchyard.Proxy.ConnectionPool;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.ConnectionPool;

/// <summary>
/// Istio's circuit-breaking task (tasks/traffic-management/circuit-breaking) through the real
/// proxy: maxConnections 1, http1MaxPendingRequests 1, maxRequestsPerConnection 1. The backend
/// holds every request until released, so the pool fills deterministically: one request active,
/// one pending, and every further concurrent request is refused at once with 503 UO.
/// </summary>
public class CircuitBreakingTests(ITestOutputHelper output)
{
    private const string IstioTask = """
        tcp: {maxConnections: 1}
        http: {http1MaxPendingRequests: 1, maxRequestsPerConnection: 1}
        """;

    [Fact]
    public async Task Istio_task_two_clients_both_succeed_three_clients_one_gets_503_UO()
    {
        await using var backend = await HeldBackend();
        await using var h = await ProxyHarness.StartAsync(PoolYaml.For(IstioTask, backend.Port), "frontend", "v1");
        var pool = h.State.Current.Clusters[PoolYaml.Cluster].Pool!;

        var two = await RunClientsAsync(h, backend, pool, clients: 2);
        output.WriteLine($"2 concurrent clients: {two.Ok} x 200, {two.Overflow} x 503 UO");
        Assert.Equal((2, 0), (two.Ok, two.Overflow));

        backend.Hold();
        var three = await RunClientsAsync(h, backend, pool, clients: 3);
        output.WriteLine($"3 concurrent clients: {three.Ok} x 200, {three.Overflow} x 503 UO");
        Assert.Equal((2, 1), (three.Ok, three.Overflow));
        Assert.True(await Eventually.TrueAsync(() => h.Outcomes.Count(o => o.Flags.ToEnvoyString() == "UO" && o.ResponseCodeDetails == "upstream_reset_before_response_started{overflow}") == 1));
    }

    [Fact]
    public async Task Overflow_is_answered_at_once_with_Envoy_header_body_and_flag_while_the_pool_is_full()
    {
        await using var backend = await HeldBackend();
        await using var h = await ProxyHarness.StartAsync(PoolYaml.For(IstioTask, backend.Port), "frontend", "v1");
        var pool = h.State.Current.Clusters[PoolYaml.Cluster].Pool!;
        var active = h.Client.SendAsync(Get(), TestContext.Current.CancellationToken);
        Assert.True(await Eventually.TrueAsync(() => backend.Requests == 1));
        var pending = h.Client.SendAsync(Get(), TestContext.Current.CancellationToken);
        Assert.True(await Eventually.TrueAsync(() => pool.PendingRequests == 1));

        // The backend is still holding: these answers can only come from the proxy, at once.
        for (var i = 0; i < 5; i++)
        {
            using var refused = await h.Client.SendAsync(Get(), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("true", Assert.Single(refused.Headers.GetValues("x-envoy-overloaded")));
            Assert.Equal(PoolAdmission.OverflowBody, await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        Assert.Equal(1, backend.Requests);

        backend.Release();
        using var first = await active;
        using var second = await pending;
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.True(await Eventually.TrueAsync(() => h.Outcomes.Count(o => o.Flags.ToEnvoyString() == "UO" && o.Status == 503) == 5));
        Assert.True(await Eventually.TrueAsync(() => pool.ActiveRequests == 0 && pool.ActiveConnections == 0));
    }

    [Fact]
    public async Task Http2MaxRequests_bounds_outstanding_requests_without_a_queue()
    {
        await using var backend = await HeldBackend();
        await using var h = await ProxyHarness.StartAsync(PoolYaml.For("http: {http2MaxRequests: 2}", backend.Port), "frontend", "v1");
        var held = new[] { h.Client.SendAsync(Get(), TestContext.Current.CancellationToken), h.Client.SendAsync(Get(), TestContext.Current.CancellationToken) };
        Assert.True(await Eventually.TrueAsync(() => backend.Requests == 2));

        using var refused = await h.Client.SendAsync(Get(), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.True(refused.Headers.Contains("x-envoy-overloaded"));

        backend.Release();
        foreach (var r in held) Assert.Equal(HttpStatusCode.OK, (await r).StatusCode);
    }

    [Fact]
    public async Task Without_connectionPool_limits_the_cluster_has_no_breakers_and_nothing_overflows()
    {
        await using var backend = await HeldBackend();
        await using var h = await ProxyHarness.StartAsync(PoolYaml.For("tcp: {connectTimeout: 5s}", backend.Port), "frontend", "v1");
        Assert.Null(h.State.Current.Clusters[PoolYaml.Cluster].Pool);
        var requests = Enumerable.Range(0, 8).Select(_ => h.Client.SendAsync(Get(), TestContext.Current.CancellationToken)).ToArray();
        Assert.True(await Eventually.TrueAsync(() => backend.Requests == 8));
        backend.Release();
        foreach (var r in requests) Assert.Equal(HttpStatusCode.OK, (await r).StatusCode);
    }

    /// <summary>Fortio-like: <paramref name="clients"/> concurrent requests against a held backend;
    /// waits until the pool has taken all it can (1 active, up to 1 pending), then releases.</summary>
    private static async Task<(int Ok, int Overflow)> RunClientsAsync(ProxyHarness h, ScriptedBackend backend, PoolLimiter pool, int clients)
    {
        // The previous round's places are given back when its requests complete on the proxy.
        Assert.True(await Eventually.TrueAsync(() => pool.ActiveRequests == 0));
        var arrivedBefore = backend.Requests;
        var sends = new List<Task<HttpResponseMessage>>();
        for (var i = 0; i < clients; i++) sends.Add(h.Client.SendAsync(Get(), TestContext.Current.CancellationToken));
        // All answered or queued: one at the backend, the rest pending or already refused.
        Assert.True(await Eventually.TrueAsync(() =>
            backend.Requests == arrivedBefore + 1 && pool.PendingRequests + sends.Count(s => s.IsCompleted) == clients - 1));
        backend.Release();
        int ok = 0, overflow = 0;
        foreach (var s in sends)
        {
            using var r = await s;
            if (r.StatusCode == HttpStatusCode.OK) ok++;
            else if (r.StatusCode == HttpStatusCode.ServiceUnavailable && r.Headers.Contains("x-envoy-overloaded")) overflow++;
        }
        return (ok, overflow);
    }

    /// <summary>Holds every request at its gate until the test releases it.</summary>
    private static Task<ScriptedBackend> HeldBackend() => ScriptedBackend.StartAsync("pool", async (c, _, b) =>
    {
        await b.Released;
        await ScriptedBackend.AnswerProtocolAsync(c);
    });

    private static HttpRequestMessage Get() => new(HttpMethod.Get, "/") { Headers = { Host = PoolYaml.Host } };
}
