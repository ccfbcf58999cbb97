using System.Net;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Redirect;

/// <summary>Redirect routes through the real proxy: answered by the proxy with Envoy's Location, no upstream call.</summary>
public class RedirectTests
{
    private static string Config(string redirect) => MeshYaml.VirtualService("frontend", $$"""
        - match:
          - uri: {prefix: /old}
          redirect: {{redirect}}
        - route:
          - destination: {host: frontend}
        """);

    private static async Task<(HttpResponseMessage Response, ProxyHarness H)> RedirectAsync(string redirect, string host = "frontend", string path = "/old/page?q=1")
    {
        var h = await ProxyHarness.StartAsync(Config(redirect), "frontend", "v1");
        using var client = new LocalReplyClient(h.Server.ProxyUri);
        var (response, body) = await client.SendAsync(host, path);
        Assert.Equal("", body);
        return (response, h);
    }

    [Theory]
    [InlineData("{uri: /new}", "frontend", 301, "http://frontend/new?q=1")]
    [InlineData("{uri: /new?v=2}", "frontend", 301, "http://frontend/new?v=2")]
    [InlineData("{authority: www.example.com}", "frontend", 301, "http://www.example.com/old/page?q=1")]
    [InlineData("{port: 8080}", "frontend:80", 301, "http://frontend:8080/old/page?q=1")]
    [InlineData("{scheme: https}", "frontend:80", 301, "https://frontend/old/page?q=1")]
    [InlineData("{scheme: https, derivePort: FROM_REQUEST_PORT}", "frontend:80", 301, "https://frontend:80/old/page?q=1")]
    [InlineData("{scheme: https, derivePort: FROM_PROTOCOL_DEFAULT}", "frontend:80", 301, "https://frontend/old/page?q=1")]
    [InlineData("{uri: /new, redirectCode: 302}", "frontend", 302, "http://frontend/new?q=1")]
    [InlineData("{uri: /new, redirectCode: 308}", "frontend", 308, "http://frontend/new?q=1")]
    public async Task Redirect_answers_its_code_and_envoys_location_without_calling_upstream(string redirect, string host, int code, string location)
    {
        var (response, h) = await RedirectAsync(redirect, host);
        await using var _ = h;
        using var __ = response;
        Assert.Equal((HttpStatusCode)code, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
        Assert.Equal(0, h.Backends[0].Requests);
        var outcome = await h.Outcomes.WaitForSingleAsync();
        Assert.Equal(("-", "direct_response"), (outcome.Flags.ToEnvoyString(), outcome.ResponseCodeDetails));
    }

    [Fact]
    public async Task Requests_the_redirect_rule_does_not_match_still_reach_upstream()
    {
        await using var h = await ProxyHarness.StartAsync(Config("{uri: /new}"), "frontend", "v1");
        var (status, body) = await h.GetAsync("frontend", "/other");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("frontend v1", body);
    }
}
