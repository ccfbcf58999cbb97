using System.Net;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.LoadBalancing;

/// <summary>
/// DestinationRule <c>trafficPolicy.loadBalancer</c> on real traffic: four real backends
/// ("frontend a".."frontend d") behind the whole-service cluster, requests through the proxy,
/// and the backend that answered read from the first body line.
/// </summary>
public class BalancingThroughProxyTests
{
    private static readonly string[] Four = ["a", "b", "c", "d"];

    private static readonly string RouteAll = MeshYaml.VirtualService("frontend", "- route: [{destination: {host: frontend}}]");

    private static string Simple(string lb) =>
        MeshYaml.Join(RouteAll, MeshYaml.DestinationRule("frontend", trafficPolicy: $$"""loadBalancer: {simple: {{lb}}}"""));

    /// <param name="key">One consistentHash key line, e.g. <c>httpHeaderName: x-user</c>.</param>
    /// <param name="algorithm">Empty (ring hash by default), or a ringHash / maglev line.</param>
    private static string Hash(string key, string algorithm) => MeshYaml.Join(RouteAll, MeshYaml.DestinationRule("frontend", trafficPolicy: $$"""
        loadBalancer:
          consistentHash:
            {{key}}
            {{algorithm}}
        """));

    [Fact]
    public async Task Round_robin_over_four_endpoints_gives_each_a_quarter_of_400_requests()
    {
        await using var h = await ProxyHarness.StartAsync(Simple("ROUND_ROBIN"), "frontend", Four);
        var counts = await h.CountAsync("frontend", 400);
        foreach (var v in Four)
            Assert.InRange(counts.GetValueOrDefault($"frontend {v}"), 90, 110);
        Assert.Equal(400, counts.Values.Sum());
    }

    [Fact]
    public async Task Random_spreads_800_requests_roughly_uniformly()
    {
        await using var h = await ProxyHarness.StartAsync(Simple("RANDOM"), "frontend", Four);
        var counts = await h.CountAsync("frontend", 800);
        // Expected 200 each; the binomial sd is 12.2, so ±60 is about 5 sd.
        foreach (var v in Four)
            Assert.InRange(counts.GetValueOrDefault($"frontend {v}"), 140, 260);
        Assert.Equal(800, counts.Values.Sum());
    }

    [Fact]
    public async Task Default_least_request_without_destination_rule_uses_every_endpoint()
    {
        await using var h = await ProxyHarness.StartAsync(RouteAll, "frontend", Four);
        var counts = await h.CountAsync("frontend", 200);
        Assert.Equal(200, counts.Values.Sum());
        // Power of two choices among idle endpoints is a uniform pick: each expects 50.
        foreach (var v in Four)
            Assert.InRange(counts.GetValueOrDefault($"frontend {v}"), 15, 100);
    }

    public static TheoryData<string> Algorithms => new() { "", "ringHash: {minimumRingSize: 1024}", "maglev: {tableSize: 65537}" };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Same_header_value_always_lands_on_the_same_backend_and_different_values_spread(string algorithm)
    {
        await using var h = await ProxyHarness.StartAsync(Hash("httpHeaderName: x-user", algorithm), "frontend", Four);
        var alice = await h.CountAsync("frontend", 50, headers: new() { ["x-user"] = "alice" });
        Assert.Single(alice);
        Assert.Equal(50, alice.Values.Single());
        Assert.StartsWith("frontend ", alice.Keys.Single());

        var bob = await h.CountAsync("frontend", 20, headers: new() { ["x-user"] = "bob" });
        Assert.Single(bob);

        var spread = await BackendsForDistinctKeysAsync(h, i => ("/", new() { ["x-user"] = $"user-{i}" }));
        Assert.Equal(Four.Length, spread.Count);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Same_query_parameter_always_lands_on_the_same_backend_and_different_values_spread(string algorithm)
    {
        await using var h = await ProxyHarness.StartAsync(Hash("httpQueryParameterName: user", algorithm), "frontend", Four);
        var alice = await h.CountAsync("frontend", 50, "/cart?item=1&user=alice");
        Assert.Single(alice);
        Assert.Equal(50, alice.Values.Single());
        // Other parameters do not take part in the key.
        var aliceElsewhere = await h.CountAsync("frontend", 10, "/checkout?user=alice&step=2");
        Assert.Equal(alice.Keys.Single(), Assert.Single(aliceElsewhere).Key);

        var spread = await BackendsForDistinctKeysAsync(h, i => ($"/cart?user=user-{i}", []));
        Assert.Equal(Four.Length, spread.Count);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Use_source_ip_sticks_every_request_from_127_0_0_1_to_one_backend_even_on_new_connections(string algorithm)
    {
        await using var h = await ProxyHarness.StartAsync(Hash("useSourceIp: true", algorithm), "frontend", Four);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 50; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Host = "frontend";
            // A new connection (new source port) each time: only the address may count.
            request.Headers.ConnectionClose = true;
            using var response = await h.Client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var backend = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n')[0];
            seen[backend] = seen.GetValueOrDefault(backend) + 1;
        }
        Assert.Equal(50, Assert.Single(seen).Value);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Http_cookie_with_ttl_is_generated_on_first_request_and_replaying_it_sticks_to_that_backend(string algorithm)
    {
        await using var h = await ProxyHarness.StartAsync(Hash("httpCookie: {name: sticky, ttl: 60s}", algorithm), "frontend", Four);
        // Our own client: no cookie container, so the test alone decides what Cookie is sent.
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false }) { BaseAddress = h.Server.ProxyUri };

        var (firstBackend, setCookies) = await SendAsync(client, cookie: null);
        var setCookie = Assert.Single(setCookies);
        Assert.StartsWith("sticky=", setCookie);
        Assert.Contains("Max-Age=60", setCookie);
        Assert.Contains("HttpOnly", setCookie);
        var pair = setCookie.Split(';')[0];

        var replayed = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 30; i++)
        {
            var (backend, again) = await SendAsync(client, pair);
            // A request that carries the cookie gets no new one.
            Assert.Empty(again);
            replayed[backend] = replayed.GetValueOrDefault(backend) + 1;
        }
        Assert.Equal(firstBackend, Assert.Single(replayed).Key);

        // New clients (no cookie) get new cookies, and so are spread.
        var newcomers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 40; i++) newcomers.Add((await SendAsync(client, cookie: null)).Backend);
        Assert.True(newcomers.Count >= 2, $"40 new clients all went to {string.Join(",", newcomers)}");
    }

    [Fact]
    public async Task Http_cookie_without_ttl_sets_no_cookie_and_a_request_carrying_it_still_sticks()
    {
        await using var h = await ProxyHarness.StartAsync(Hash("httpCookie: {name: session}", ""), "frontend", Four);
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false }) { BaseAddress = h.Server.ProxyUri };
        var (_, setCookies) = await SendAsync(client, cookie: null);
        Assert.Empty(setCookies);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 30; i++) seen.Add((await SendAsync(client, "other=1; session=abc123")).Backend);
        Assert.Single(seen);
    }

    /// <summary>Sends two requests for each of 100 distinct keys, checks both went to the same
    /// backend, and returns the backends used.</summary>
    private static async Task<HashSet<string>> BackendsForDistinctKeysAsync(ProxyHarness h, Func<int, (string Path, Dictionary<string, string> Headers)> keyed)
    {
        var backends = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 100; i++)
        {
            var (path, headers) = keyed(i);
            var counts = await h.CountAsync("frontend", 2, path, headers);
            var (backend, n) = Assert.Single(counts);
            Assert.Equal(2, n);
            Assert.StartsWith("frontend ", backend);
            backends.Add(backend);
        }
        return backends;
    }

    private static async Task<(string Backend, List<string> SetCookies)> SendAsync(HttpClient client, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "frontend";
        if (cookie is not null) request.Headers.TryAddWithoutValidation("Cookie", cookie);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var setCookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        return (body.Split('\n')[0], setCookies);
    }
}
