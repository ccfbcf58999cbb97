using System.Net;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Headers;

/// <summary>
/// headers.request / headers.response set, add, remove, at rule level and per destination, through
/// the real proxy. The echo backend answers with the request headers it received and its own
/// <c>content-type: text/plain</c>, which the response operations act on.
/// </summary>
public class HeaderOperationsTests
{
    private static readonly string Subsets = MeshYaml.DestinationRule("frontend", subsets: """
        - {name: v1, labels: {version: v1}}
        - {name: v2, labels: {version: v2}}
        """);

    private static string Vs(string http) => MeshYaml.Join(Subsets, MeshYaml.VirtualService("frontend", http));

    private sealed record Answer(HttpStatusCode Status, string[] Echo, HttpResponseMessage Response)
    {
        public string? RequestHeader(string name) =>
            Echo.FirstOrDefault(l => l.StartsWith(name + ": ", StringComparison.Ordinal))?[(name.Length + 2)..];

        public string[] ResponseHeader(string name) =>
            Response.Headers.TryGetValues(name, out var v) ? v.ToArray()
            : Response.Content.Headers.TryGetValues(name, out var c) ? c.ToArray() : [];
    }

    private static async Task<Answer> SendAsync(ProxyHarness h, Dictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "frontend";
        foreach (var (k, v) in headers ?? []) request.Headers.TryAddWithoutValidation(k, v);
        var response = await h.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, body.Split('\n'), response);
    }

    [Fact]
    public async Task Request_set_replaces_add_appends_and_remove_deletes()
    {
        await using var h = await ProxyHarness.StartAsync(Vs("""
            - headers:
                request:
                  set: {x-over: proxy}
                  add: {x-keep: proxy, x-new: added}
                  remove: [x-gone]
              route: [{destination: {host: frontend, subset: v1}}]
            """), "frontend", "v1");
        var a = await SendAsync(h, new() { ["x-over"] = "client", ["x-keep"] = "client", ["x-gone"] = "bye" });
        Assert.Equal(HttpStatusCode.OK, a.Status);
        Assert.Equal("proxy", a.RequestHeader("x-over"));
        Assert.Equal("client, proxy", a.RequestHeader("x-keep"));
        Assert.Equal("added", a.RequestHeader("x-new"));
        Assert.Null(a.RequestHeader("x-gone"));
    }

    [Fact]
    public async Task Response_set_replaces_add_appends_and_remove_deletes_on_the_upstream_answer()
    {
        await using var h = await ProxyHarness.StartAsync(Vs("""
            - headers:
                response:
                  set: {x-served-by: proxy}
                  add: {x-trace: one}
                  remove: [content-type]
              route: [{destination: {host: frontend, subset: v1}}]
            """), "frontend", "v1");
        var a = await SendAsync(h);
        Assert.Equal(["proxy"], a.ResponseHeader("x-served-by"));
        Assert.Equal(["one"], a.ResponseHeader("x-trace"));
        Assert.Empty(a.ResponseHeader("content-type"));
    }

    [Fact]
    public async Task Response_set_overwrites_a_header_the_upstream_sent()
    {
        await using var h = await ProxyHarness.StartAsync(Vs("""
            - headers: {response: {set: {content-type: application/x-proxy}}}
              route: [{destination: {host: frontend, subset: v1}}]
            """), "frontend", "v1");
        Assert.Equal(["application/x-proxy"], (await SendAsync(h)).ResponseHeader("content-type"));
    }

    [Fact]
    public async Task Without_header_operations_the_upstream_answer_is_unchanged()
    {
        await using var h = await ProxyHarness.StartAsync(Vs("""
            - route: [{destination: {host: frontend, subset: v1}}]
            """), "frontend", "v1");
        var a = await SendAsync(h, new() { ["x-client"] = "c" });
        Assert.Equal(["text/plain"], a.ResponseHeader("content-type"));
        Assert.Equal("c", a.RequestHeader("x-client"));
    }

    [Fact]
    public async Task Single_destination_operations_share_the_route_pass_so_every_set_comes_before_every_add()
    {
        // Istio appends a lone destination's operations to the route's lists; Envoy's HeaderParser
        // overwrites first and appends after, so the route's add survives the destination's set.
        await using var h = await ProxyHarness.StartAsync(Vs("""
            - headers: {request: {add: {x-order: route}}}
              route:
              - destination: {host: frontend, subset: v1}
                headers: {request: {set: {x-order: destination}}}
            """), "frontend", "v1");
        Assert.Equal("destination, route", (await SendAsync(h)).RequestHeader("x-order"));
    }

    [Fact]
    public async Task With_several_destinations_the_picked_one_applies_first_and_the_route_set_wins()
    {
        await using var h = await ProxyHarness.StartAsync(Vs("""
            - headers:
                request: {set: {x-who: route}}
                response: {set: {x-resp: route}}
              route:
              - destination: {host: frontend, subset: v1}
                weight: 100
                headers:
                  request: {set: {x-who: v1}, add: {x-v1-only: yes}}
                  response: {set: {x-resp: v1}, add: {x-resp-v1: yes}}
              - destination: {host: frontend, subset: v2}
                weight: 0
                headers: {request: {set: {x-v2-only: yes}}}
            """), "frontend", "v1", "v2");
        var a = await SendAsync(h);
        Assert.Equal("frontend v1", a.Echo[0]);
        Assert.Equal("route", a.RequestHeader("x-who"));
        Assert.Equal("yes", a.RequestHeader("x-v1-only"));
        Assert.Null(a.RequestHeader("x-v2-only"));
        Assert.Equal(["route"], a.ResponseHeader("x-resp"));
        Assert.Equal(["yes"], a.ResponseHeader("x-resp-v1"));
    }

    [Fact]
    public async Task Each_weighted_destination_gets_only_its_own_operations()
    {
        await using var h = await ProxyHarness.StartAsync(Vs("""
            - route:
              - destination: {host: frontend, subset: v1}
                weight: 50
                headers: {response: {set: {x-picked: v1}}}
              - destination: {host: frontend, subset: v2}
                weight: 50
                headers: {response: {set: {x-picked: v2}}}
            """), "frontend", "v1", "v2");
        var seen = new HashSet<string>();
        for (var i = 0; i < 60; i++)
        {
            var a = await SendAsync(h);
            var picked = a.ResponseHeader("x-picked");
            Assert.Single(picked);
            Assert.Equal(a.Echo[0], "frontend " + picked[0]);
            seen.Add(picked[0]);
        }
        // 60 draws at 50/50: both sides appear unless the split is broken (p = 2^-59).
        Assert.Equal(2, seen.Count);
    }

    [Fact]
    public async Task A_weighted_destination_authority_rewrites_the_host_unless_the_route_rewrites_it()
    {
        await using var h = await ProxyHarness.StartAsync(Vs("""
            - match: [{uri: {prefix: /own}}]
              route:
              - destination: {host: frontend, subset: v1}
                weight: 100
                headers: {request: {set: {":authority": v1-host}}}
              - destination: {host: frontend, subset: v2}
                weight: 0
            - rewrite: {authority: route-host}
              route:
              - destination: {host: frontend, subset: v1}
                weight: 100
                headers: {request: {set: {":authority": v1-host}}}
              - destination: {host: frontend, subset: v2}
                weight: 0
            """), "frontend", "v1", "v2");
        var own = (await h.GetAsync("frontend", "/own")).Body.Split('\n');
        Assert.Contains("host: v1-host", own);
        var route = (await h.GetAsync("frontend", "/other")).Body.Split('\n');
        Assert.Contains("host: route-host", route);
    }
}
