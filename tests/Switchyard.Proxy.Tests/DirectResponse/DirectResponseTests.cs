using System.Net;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.DirectResponse;

/// <summary>Direct responses through the real proxy: Envoy's local reply, no upstream call.</summary>
public class DirectResponseTests
{
    private static string Config(string directResponse) => MeshYaml.VirtualService("frontend", $$"""
        - match:
          - uri: {prefix: /fixed}
          directResponse: {{directResponse}}
        - route:
          - destination: {host: frontend}
        """);

    [Theory]
    [InlineData("{status: 503, body: {string: maintenance}}", 503, "maintenance")]
    [InlineData("{status: 200, body: {bytes: aGVsbG8=}}", 200, "hello")]
    public async Task Direct_response_answers_status_and_body_as_text_plain(string directResponse, int status, string expected)
    {
        await using var h = await ProxyHarness.StartAsync(Config(directResponse), "frontend", "v1");
        using var client = new LocalReplyClient(h.Server.ProxyUri);
        var (response, body) = await client.SendAsync("frontend", "/fixed");
        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal(expected, body);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected.Length, response.Content.Headers.ContentLength);
        Assert.Equal(0, h.Backends[0].Requests);
        var outcome = await h.Outcomes.WaitForSingleAsync();
        Assert.Equal(("-", "direct_response"), (outcome.Flags.ToEnvoyString(), outcome.ResponseCodeDetails));
    }

    [Fact]
    public async Task Direct_response_carries_the_rules_response_header_operations()
    {
        var config = Config("{status: 200, body: {string: ok}}").Replace(
            "    directResponse:", "    headers: {response: {set: {x-served-by: proxy}, add: {cache-control: no-store}}}\n    directResponse:");
        await using var h = await ProxyHarness.StartAsync(config, "frontend", "v1");
        using var client = new LocalReplyClient(h.Server.ProxyUri);
        var (response, body) = await client.SendAsync("frontend", "/fixed");
        Assert.Equal("ok", body);
        Assert.Equal("proxy", Assert.Single(response.Headers.GetValues("x-served-by")));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Direct_response_without_body_has_no_body_and_no_content_type()
    {
        await using var h = await ProxyHarness.StartAsync(Config("{status: 204}"), "frontend", "v1");
        using var client = new LocalReplyClient(h.Server.ProxyUri);
        var (response, body) = await client.SendAsync("frontend", "/fixed");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("", body);
        Assert.Null(response.Content.Headers.ContentType);
    }

    [Fact]
    public async Task Direct_response_3xx_gets_the_request_url_as_location()
    {
        await using var h = await ProxyHarness.StartAsync(Config("{status: 302}"), "frontend", "v1");
        using var client = new LocalReplyClient(h.Server.ProxyUri);
        var (response, _) = await client.SendAsync("frontend:80", "/fixed/a?b=1");
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("http://frontend:80/fixed/a?b=1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Direct_response_to_a_grpc_request_is_a_grpc_status()
    {
        await using var h = await ProxyHarness.StartAsync(Config("{status: 503, body: {string: down for maintenance}}"), "frontend", "v1");
        using var client = new LocalReplyClient(h.Server.ProxyUri);
        var (response, _) = await client.SendAsync("frontend", "/fixed.Svc/Call", HttpMethod.Post, "application/grpc", "");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("14", response.Headers.GetValues("grpc-status").Single());
        Assert.Equal("down for maintenance", response.Headers.GetValues("grpc-message").Single());
    }
}
