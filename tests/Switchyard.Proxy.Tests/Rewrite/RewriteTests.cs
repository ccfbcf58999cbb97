using System.Net;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Rewrite;

/// <summary>rewrite.uri / uriRegexRewrite / authority through the real proxy; the echo backend
/// answers with the path and headers it received.</summary>
public class RewriteTests
{
    private static string Vs(string http) => MeshYaml.VirtualService("frontend", http);

    private static async Task<string[]> EchoAsync(ProxyHarness h, string path)
    {
        var (status, body) = await h.GetAsync("frontend", path);
        Assert.Equal(HttpStatusCode.OK, status);
        return body.Split('\n');
    }

    private static string PathSeen(string[] echo) => echo[1]["GET ".Length..];

    private static string? Header(string[] echo, string name) =>
        echo.FirstOrDefault(l => l.StartsWith(name + ": ", StringComparison.Ordinal))?[(name.Length + 2)..];

    [Fact]
    public async Task Uri_rewrite_replaces_the_matched_prefix_and_keeps_the_rest_and_the_query()
    {
        await using var h = await ProxyHarness.StartAsync(Vs("""
            - match: [{uri: {prefix: /ratings}}]
              rewrite: {uri: /v1/bookRatings}
              route: [{destination: {host: frontend}}]
            """), "frontend", "v1");
        var echo = await EchoAsync(h, "/ratings/42?x=1");
        Assert.Equal("/v1/bookRatings/42?x=1", PathSeen(echo));
        Assert.Equal("/ratings/42?x=1", Header(echo, "x-envoy-original-path"));
    }

    [Fact]
    public async Task Uri_rewrite_replaces_the_whole_path_for_an_exact_match()
    {
        await using var h = await ProxyHarness.StartAsync(Vs("""
            - match: [{uri: {exact: /old}}]
              rewrite: {uri: /new/place}
              route: [{destination: {host: frontend}}]
            """), "frontend", "v1");
        Assert.Equal("/new/place?q=2", PathSeen(await EchoAsync(h, "/old?q=2")));
    }

    [Fact]
    public async Task Uri_rewrite_replaces_the_whole_path_for_a_regex_match()
    {
        await using var h = await ProxyHarness.StartAsync(Vs("""
            - match: [{uri: {regex: "/items/[0-9]+"}}]
              rewrite: {uri: /item}
              route: [{destination: {host: frontend}}]
            """), "frontend", "v1");
        Assert.Equal("/item", PathSeen(await EchoAsync(h, "/items/123")));
    }

    [Fact]
    public async Task Uri_rewrite_without_a_uri_match_replaces_the_leading_slash()
    {
        // Istio leaves Envoy's prefix at "/" when the match has no uri: "/a" with rewrite "/v2/" is "/v2/a".
        await using var h = await ProxyHarness.StartAsync(Vs("""
            - rewrite: {uri: /v2/}
              route: [{destination: {host: frontend}}]
            """), "frontend", "v1");
        Assert.Equal("/v2/a", PathSeen(await EchoAsync(h, "/a")));
    }

    [Fact]
    public async Task The_match_entry_that_held_decides_how_much_of_the_path_is_replaced()
    {
        await using var h = await ProxyHarness.StartAsync(Vs("""
            - match:
              - uri: {prefix: /api/v1}
              - uri: {prefix: /legacy}
              - uri: {exact: /root}
              rewrite: {uri: /svc}
              route: [{destination: {host: frontend}}]
            """), "frontend", "v1");
        Assert.Equal("/svc/users", PathSeen(await EchoAsync(h, "/api/v1/users")));
        Assert.Equal("/svc/users", PathSeen(await EchoAsync(h, "/legacy/users")));
        Assert.Equal("/svc", PathSeen(await EchoAsync(h, "/root")));
    }

    [Fact]
    public async Task Uri_regex_rewrite_substitutes_capture_groups_and_keeps_the_query()
    {
        await using var h = await ProxyHarness.StartAsync(Vs("""
            - match: [{uri: {prefix: /service}}]
              rewrite:
                uriRegexRewrite: {match: "^/service/([^/]+)(/.*)$", rewrite: "\\2/instance/\\1"}
              route: [{destination: {host: frontend}}]
            """), "frontend", "v1");
        var echo = await EchoAsync(h, "/service/foo/v1/api?k=v");
        Assert.Equal("/v1/api/instance/foo?k=v", PathSeen(echo));
        Assert.Equal("/service/foo/v1/api?k=v", Header(echo, "x-envoy-original-path"));
    }

    [Fact]
    public async Task Uri_regex_rewrite_replaces_every_match()
    {
        await using var h = await ProxyHarness.StartAsync(Vs("""
            - rewrite:
                uriRegexRewrite: {match: "a", rewrite: "b"}
              route: [{destination: {host: frontend}}]
            """), "frontend", "v1");
        Assert.Equal("/bbb/b", PathSeen(await EchoAsync(h, "/aaa/a")));
    }

    [Fact]
    public async Task Authority_rewrite_sets_the_upstream_host_without_x_forwarded_host()
    {
        await using var h = await ProxyHarness.StartAsync(Vs("""
            - rewrite: {authority: reviews.example.com}
              route: [{destination: {host: frontend}}]
            """), "frontend", "v1");
        var echo = await EchoAsync(h, "/a");
        Assert.Equal("reviews.example.com", Header(echo, "host"));
        Assert.Null(Header(echo, "x-forwarded-host"));
        Assert.Equal("/a", PathSeen(echo));
        Assert.Null(Header(echo, "x-envoy-original-path"));
    }

    [Fact]
    public async Task Without_rewrite_path_and_host_reach_the_upstream_unchanged()
    {
        await using var h = await ProxyHarness.StartAsync(Vs("""
            - route: [{destination: {host: frontend}}]
            """), "frontend", "v1");
        var echo = await EchoAsync(h, "/keep/me?x=1");
        Assert.Equal("/keep/me?x=1", PathSeen(echo));
        Assert.Equal("frontend", Header(echo, "host"));
        Assert.Null(Header(echo, "x-envoy-original-path"));
    }

    [Fact]
    public async Task Rewrite_authority_wins_over_an_authority_header_operation()
    {
        await using var h = await ProxyHarness.StartAsync(Vs("""
            - rewrite: {authority: from-rewrite}
              headers: {request: {set: {":authority": from-headers}}}
              route: [{destination: {host: frontend}}]
            """), "frontend", "v1");
        Assert.Equal("from-rewrite", Header(await EchoAsync(h, "/"), "host"));
    }

    [Fact]
    public async Task An_authority_header_operation_rewrites_the_host_instead_of_adding_a_header()
    {
        await using var h = await ProxyHarness.StartAsync(Vs("""
            - headers: {request: {set: {host: via-header}}}
              route: [{destination: {host: frontend}}]
            """), "frontend", "v1");
        Assert.Equal("via-header", Header(await EchoAsync(h, "/"), "host"));
    }
}
