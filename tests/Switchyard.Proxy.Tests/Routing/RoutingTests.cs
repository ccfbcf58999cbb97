using System.Net;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Routing;

/// <summary>Real backends, the real proxy, real sockets: Istio's routing semantics end to end.</summary>
public class RoutingTests
{
    private static readonly string Subsets = MeshYaml.DestinationRule("frontend", subsets: """
        - {name: v1, labels: {version: v1}}
        - {name: v2, labels: {version: v2}}
        """);

    private static string Split(int w1, int w2) => MeshYaml.Join(Subsets, MeshYaml.VirtualService("frontend", $$"""
        - route:
          - {destination: {host: frontend, subset: v1}, weight: {{w1}}}
          - {destination: {host: frontend, subset: v2}, weight: {{w2}}}
        """));

    [Theory]
    [InlineData(50, 50)]
    [InlineData(80, 20)]
    public async Task Weighted_split_holds_within_tolerance_over_2000_requests(int w1, int w2)
    {
        await using var h = await ProxyHarness.StartAsync(Split(w1, w2), "frontend", "v1", "v2");
        var counts = await h.CountAsync("frontend", 2000);
        Assert.Equal(2000, counts.GetValueOrDefault("frontend v1") + counts.GetValueOrDefault("frontend v2"));
        var share = counts.GetValueOrDefault("frontend v1") / 2000.0 * 100;
        // Binomial sd at n=2000 is ≤ 1.2 points; 5 points is > 4 sd.
        Assert.InRange(share, w1 - 5, w1 + 5);
    }

    [Fact]
    public async Task Header_match_sends_jason_to_v2_and_everyone_else_to_v1()
    {
        var yaml = MeshYaml.Join(Subsets, MeshYaml.VirtualService("frontend", """
            - match:
              - headers: {end-user: {exact: jason}}
              route:
              - destination: {host: frontend, subset: v2}
            - route:
              - destination: {host: frontend, subset: v1}
            """));
        await using var h = await ProxyHarness.StartAsync(yaml, "frontend", "v1", "v2");
        var jason = await h.CountAsync("frontend", 20, headers: new() { ["end-user"] = "jason" });
        var others = await h.CountAsync("frontend", 20, headers: new() { ["end-user"] = "maria" });
        Assert.Equal(20, jason.GetValueOrDefault("frontend v2"));
        Assert.Equal(20, others.GetValueOrDefault("frontend v1"));
    }

    [Fact]
    public async Task First_matching_rule_wins_even_when_a_later_one_is_more_specific()
    {
        var yaml = MeshYaml.Join(Subsets, MeshYaml.VirtualService("frontend", """
            - match: [{uri: {prefix: /api}}]
              route: [{destination: {host: frontend, subset: v1}}]
            - match: [{uri: {exact: /api/v2}}]
              route: [{destination: {host: frontend, subset: v2}}]
            """));
        await using var h = await ProxyHarness.StartAsync(yaml, "frontend", "v1", "v2");
        var (status, body) = await h.GetAsync("frontend", "/api/v2");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("frontend v1", body);
    }

    [Theory]
    [InlineData("frontend")]
    [InlineData("frontend:80")]
    [InlineData("frontend.default")]
    [InlineData("frontend.default.svc.cluster.local")]
    [InlineData("FRONTEND.default.svc.cluster.local:80")]
    public async Task Host_header_matches_short_namespaced_and_full_names_with_or_without_port(string host)
    {
        await using var h = await ProxyHarness.StartAsync(Split(100, 0), "frontend", "v1", "v2");
        var (status, body) = await h.GetAsync(host);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("frontend v1", body);
    }

    [Fact]
    public async Task Unknown_host_is_404_with_flag_NR()
    {
        await using var h = await ProxyHarness.StartAsync(Split(50, 50), "frontend", "v1", "v2");
        var (status, _) = await h.GetAsync("nosuchservice");
        Assert.Equal(HttpStatusCode.NotFound, status);
        var outcome = await h.Outcomes.WaitForSingleAsync();
        Assert.Equal(("nosuchservice", ResponseFlags.NoRouteFound, "route_not_found"), (outcome.Authority, outcome.Flags, outcome.ResponseCodeDetails));
    }

    [Fact]
    public async Task Subset_no_destination_rule_defines_is_503_with_flag_NC()
    {
        var yaml = MeshYaml.Join(Subsets, MeshYaml.VirtualService("frontend", """
            - route: [{destination: {host: frontend, subset: v3}}]
            """));
        await using var h = await ProxyHarness.StartAsync(yaml, "frontend", "v1", "v2");
        var (status, _) = await h.GetAsync("frontend");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var outcome = await h.Outcomes.WaitForSingleAsync();
        Assert.Equal((ResponseFlags.NoClusterFound, "cluster_not_found", "outbound|80|v3|frontend.default.svc.cluster.local"), (outcome.Flags, outcome.ResponseCodeDetails, outcome.UpstreamCluster));
    }

    [Fact]
    public async Task Subset_that_selects_no_endpoint_is_503_UH_no_healthy_upstream()
    {
        var yaml = MeshYaml.Join(
            MeshYaml.DestinationRule("frontend", subsets: "- {name: v9, labels: {version: v9}}"),
            MeshYaml.VirtualService("frontend", "- route: [{destination: {host: frontend, subset: v9}}]"));
        await using var h = await ProxyHarness.StartAsync(yaml, "frontend", "v1");
        var (status, body) = await h.GetAsync("frontend");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("no healthy upstream", body);
        var outcome = await h.Outcomes.WaitForSingleAsync();
        Assert.Equal((ResponseFlags.NoHealthyUpstream, "no_healthy_upstream"), (outcome.Flags, outcome.ResponseCodeDetails));
    }

    [Fact]
    public async Task Request_keeps_its_host_header_upstream_as_envoy_does()
    {
        await using var h = await ProxyHarness.StartAsync(Split(100, 0), "frontend", "v1");
        var (_, body) = await h.GetAsync("frontend", "/x?y=1");
        Assert.Contains("GET /x?y=1", body);
        Assert.Contains("host: frontend", body);
    }
}
