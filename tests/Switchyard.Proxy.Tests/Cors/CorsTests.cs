using System.Net;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Cors;

/// <summary>corsPolicy through the real proxy, as Envoy's CORS filter answers: preflights for an
/// allowed origin never reach the backend; actual requests get the allow/expose headers.</summary>
public class CorsTests
{
    private static string Vs(string cors, string destination = "{host: frontend}") => MeshYaml.VirtualService("frontend", $$"""
        - corsPolicy:
        {{cors}}
          route: [{destination: {{destination}}}]
        """);

    private const string Full = """
              allowOrigins:
              - exact: https://app.example.com
              - prefix: https://dev.
              - regex: "https://[a-z]+\\.corp\\.example"
              allowMethods: [GET, POST]
              allowHeaders: [x-custom, authorization]
              exposeHeaders: [x-served-by, x-trace]
              maxAge: 24h
              allowCredentials: true
        """;

    private static async Task<HttpResponseMessage> SendAsync(ProxyHarness h, HttpMethod method, string? origin, string? requestMethod = null, string? requestHeaders = null)
    {
        using var request = new HttpRequestMessage(method, "/");
        request.Headers.Host = "frontend";
        if (origin is not null) request.Headers.TryAddWithoutValidation("Origin", origin);
        if (requestMethod is not null) request.Headers.TryAddWithoutValidation("Access-Control-Request-Method", requestMethod);
        if (requestHeaders is not null) request.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", requestHeaders);
        var response = await h.Client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static string? Header(HttpResponseMessage r, string name) =>
        r.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : null;

    [Theory]
    [InlineData("https://app.example.com")]
    [InlineData("https://dev.example.com")]
    [InlineData("https://build.corp.example")]
    public async Task Preflight_from_an_allowed_origin_is_answered_by_the_proxy_with_the_policy(string origin)
    {
        await using var h = await ProxyHarness.StartAsync(Vs(Full), "frontend", "v1");
        using var r = await SendAsync(h, HttpMethod.Options, origin, "POST", "x-custom");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(origin, Header(r, "access-control-allow-origin"));
        Assert.Equal("GET,POST", Header(r, "access-control-allow-methods"));
        Assert.Equal("x-custom,authorization", Header(r, "access-control-allow-headers"));
        Assert.Equal("86400", Header(r, "access-control-max-age"));
        Assert.Equal("true", Header(r, "access-control-allow-credentials"));
        Assert.Null(Header(r, "access-control-expose-headers"));
        Assert.Equal("", await r.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, h.Backends[0].Requests);
        var outcome = await h.Outcomes.WaitForSingleAsync();
        Assert.Equal(("OPTIONS", 200, "-", "cors_response"), (outcome.Method, outcome.Status, outcome.Flags.ToEnvoyString(), outcome.ResponseCodeDetails));
    }

    [Fact]
    public async Task Preflight_from_another_origin_is_forwarded_by_default()
    {
        await using var h = await ProxyHarness.StartAsync(Vs(Full), "frontend", "v1");
        using var r = await SendAsync(h, HttpMethod.Options, "https://evil.example", "POST");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.StartsWith("frontend v1\nOPTIONS /", await r.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Null(Header(r, "access-control-allow-origin"));
        Assert.Equal(1, h.Backends[0].Requests);
    }

    [Fact]
    public async Task Preflight_from_another_origin_with_unmatchedPreflights_IGNORE_is_answered_without_allow_origin()
    {
        await using var h = await ProxyHarness.StartAsync(Vs(Full + "\n      unmatchedPreflights: IGNORE"), "frontend", "v1");
        using var r = await SendAsync(h, HttpMethod.Options, "https://evil.example", "POST");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Null(Header(r, "access-control-allow-origin"));
        // Envoy's filter still writes the rest of the policy on this answer.
        Assert.Equal("GET,POST", Header(r, "access-control-allow-methods"));
        Assert.Equal("", await r.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, h.Backends[0].Requests);
    }

    [Fact]
    public async Task Options_without_access_control_request_method_is_not_a_preflight_and_is_forwarded()
    {
        await using var h = await ProxyHarness.StartAsync(Vs(Full), "frontend", "v1");
        using var r = await SendAsync(h, HttpMethod.Options, "https://app.example.com");
        Assert.StartsWith("frontend v1\nOPTIONS /", await r.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("https://app.example.com", Header(r, "access-control-allow-origin"));
    }

    [Fact]
    public async Task Actual_request_from_an_allowed_origin_gets_allow_origin_credentials_and_expose_headers()
    {
        await using var h = await ProxyHarness.StartAsync(Vs(Full), "frontend", "v1");
        using var r = await SendAsync(h, HttpMethod.Get, "https://app.example.com");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.StartsWith("frontend v1\n", await r.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("https://app.example.com", Header(r, "access-control-allow-origin"));
        Assert.Equal("true", Header(r, "access-control-allow-credentials"));
        Assert.Equal("x-served-by,x-trace", Header(r, "access-control-expose-headers"));
        Assert.Null(Header(r, "access-control-allow-methods"));
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData(null)]
    public async Task Actual_request_from_another_origin_or_none_gets_no_cors_headers(string? origin)
    {
        await using var h = await ProxyHarness.StartAsync(Vs(Full), "frontend", "v1");
        using var r = await SendAsync(h, HttpMethod.Get, origin);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Null(Header(r, "access-control-allow-origin"));
        Assert.Null(Header(r, "access-control-expose-headers"));
        Assert.Null(Header(r, "access-control-allow-credentials"));
    }

    [Fact]
    public async Task Deprecated_allowOrigin_list_matches_exactly()
    {
        await using var h = await ProxyHarness.StartAsync(Vs("      allowOrigin: [https://old.example]\n"), "frontend", "v1");
        using var ok = await SendAsync(h, HttpMethod.Get, "https://old.example");
        Assert.Equal("https://old.example", Header(ok, "access-control-allow-origin"));
        using var no = await SendAsync(h, HttpMethod.Get, "https://old.example.net");
        Assert.Null(Header(no, "access-control-allow-origin"));
    }

    [Fact]
    public async Task Star_origin_allows_any_origin_and_echoes_it_and_without_credentials_none_is_sent()
    {
        await using var h = await ProxyHarness.StartAsync(Vs("      allowOrigins: [{exact: \"*\"}]\n      allowMethods: [\"*\"]\n"), "frontend", "v1");
        using var r = await SendAsync(h, HttpMethod.Options, "https://anyone.example", "DELETE");
        Assert.Equal("https://anyone.example", Header(r, "access-control-allow-origin"));
        Assert.Equal("DELETE", Header(r, "access-control-allow-methods"));
        Assert.Null(Header(r, "access-control-allow-credentials"));
        Assert.Null(Header(r, "access-control-max-age"));
        Assert.Equal(0, h.Backends[0].Requests);
    }

    [Fact]
    public async Task A_local_reply_to_an_allowed_origin_carries_the_cors_headers_too()
    {
        // Envoy's CORS filter encodes every answer, the router's 503 NC included.
        await using var h = await ProxyHarness.StartAsync(Vs(Full, "{host: frontend, subset: missing}"), "frontend", "v1");
        using var r = await SendAsync(h, HttpMethod.Get, "https://app.example.com");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode);
        Assert.Equal("https://app.example.com", Header(r, "access-control-allow-origin"));
        Assert.Equal("NC", (await h.Outcomes.WaitForSingleAsync()).Flags.ToEnvoyString());
    }
}
