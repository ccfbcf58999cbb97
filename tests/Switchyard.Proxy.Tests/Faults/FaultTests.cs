using System.Diagnostics;
using System.Net;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Faults;

/// <summary>Envoy's fault filter through the real proxy: delays (DI) and aborts (FI), before any upstream call.</summary>
public class FaultTests
{
    private static string Config(string fault) => MeshYaml.VirtualService("frontend", $$"""
        - fault: {{fault}}
          route:
          - destination: {host: frontend}
        """);

    private static async Task<string[]> FlagsAsync(ProxyHarness h, int n)
    {
        Assert.True(await Eventually.TrueAsync(() => h.Outcomes.Count >= n), $"{h.Outcomes.Count} outcomes");
        return h.Outcomes.Select(o => o.Flags.ToEnvoyString()).ToArray();
    }

    [Fact]
    public async Task Abort_at_100_percent_answers_the_status_with_envoys_body_and_FI_without_calling_upstream()
    {
        await using var h = await ProxyHarness.StartAsync(Config("{abort: {httpStatus: 418, percentage: {value: 100}}}"), "frontend", "v1");
        using var client = new LocalReplyClient(h.Server.ProxyUri);
        var (response, body) = await client.SendAsync("frontend");
        Assert.Equal((HttpStatusCode)418, response.StatusCode);
        Assert.Equal("fault filter abort", body);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["FI"], await FlagsAsync(h, 1));
        Assert.Equal(0, h.Backends[0].Requests);
    }

    [Fact]
    public async Task Abort_at_50_percent_fails_about_half_of_2000_requests_each_flagged_FI()
    {
        await using var h = await ProxyHarness.StartAsync(Config("{abort: {httpStatus: 503, percentage: {value: 50}}}"), "frontend", "v1");
        var counts = await h.CountAsync("frontend", 2000);
        var aborted = counts.GetValueOrDefault("HTTP 503");
        Assert.Equal(2000, aborted + counts.GetValueOrDefault("frontend v1"));
        // Binomial sd at n=2000 is ~22 requests; ±100 is > 4 sd.
        Assert.InRange(aborted, 900, 1100);
        var flags = await FlagsAsync(h, 2000);
        Assert.Equal(aborted, flags.Count(f => f == "FI"));
        Assert.Equal(2000 - aborted, h.Backends[0].Requests);
    }

    [Fact]
    public async Task Abort_without_percentage_never_fires_as_in_envoy()
    {
        await using var h = await ProxyHarness.StartAsync(Config("{abort: {httpStatus: 503}}"), "frontend", "v1");
        var counts = await h.CountAsync("frontend", 20);
        Assert.Equal(20, counts.GetValueOrDefault("frontend v1"));
    }

    [Fact]
    public async Task Grpc_abort_answers_a_grpc_request_with_http_200_and_grpc_status()
    {
        await using var h = await ProxyHarness.StartAsync(Config("{abort: {grpcStatus: UNAVAILABLE, percentage: {value: 100}}}"), "frontend", "v1");
        using var client = new LocalReplyClient(h.Server.ProxyUri);
        var (response, body) = await client.SendAsync("frontend", "/pkg.Svc/Method", HttpMethod.Post, "application/grpc", "");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/grpc", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("14", response.Headers.GetValues("grpc-status").Single());
        Assert.Equal("fault filter abort", response.Headers.GetValues("grpc-message").Single());
        Assert.Equal("", body);
        Assert.Equal(["FI"], await FlagsAsync(h, 1));
        Assert.Equal(0, h.Backends[0].Requests);
    }

    [Fact]
    public async Task Grpc_abort_of_a_plain_http_request_is_envoys_200_local_reply()
    {
        await using var h = await ProxyHarness.StartAsync(Config("{abort: {grpcStatus: UNAVAILABLE, percentage: {value: 100}}}"), "frontend", "v1");
        using var client = new LocalReplyClient(h.Server.ProxyUri);
        var (response, body) = await client.SendAsync("frontend");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fault filter abort", body);
        Assert.Equal(0, h.Backends[0].Requests);
    }

    [Fact]
    public async Task Http_abort_of_a_grpc_request_maps_the_status_to_a_grpc_code()
    {
        await using var h = await ProxyHarness.StartAsync(Config("{abort: {httpStatus: 503, percentage: {value: 100}}}"), "frontend", "v1");
        using var client = new LocalReplyClient(h.Server.ProxyUri);
        var (response, _) = await client.SendAsync("frontend", "/pkg.Svc/Method", HttpMethod.Post, "application/grpc+proto", "");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("14", response.Headers.GetValues("grpc-status").Single());
    }

    [Fact]
    public async Task Delay_holds_the_request_at_least_the_fixed_delay_then_forwards_it_with_DI()
    {
        await using var h = await ProxyHarness.StartAsync(Config("{delay: {fixedDelay: 1s, percentage: {value: 100}}}"), "frontend", "v1");
        var watch = Stopwatch.StartNew();
        var (status, body) = await h.GetAsync("frontend");
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("frontend v1", body);
        // Lower bound only (a loaded machine may take longer); a few ms of timer granularity allowed.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(980), $"took {watch.Elapsed}");
        Assert.Equal(["DI"], await FlagsAsync(h, 1));
    }

    [Fact]
    public async Task Deprecated_integer_percent_delays_too()
    {
        await using var h = await ProxyHarness.StartAsync(Config("{delay: {fixedDelay: 10ms, percent: 100}}"), "frontend", "v1");
        Assert.Equal(HttpStatusCode.OK, (await h.GetAsync("frontend")).Status);
        Assert.Equal(["DI"], await FlagsAsync(h, 1));
    }

    [Fact]
    public async Task Delay_and_abort_together_delay_first_then_abort_flagged_DI_FI()
    {
        var fault = "{delay: {fixedDelay: 200ms, percentage: {value: 100}}, abort: {httpStatus: 500, percentage: {value: 100}}}";
        await using var h = await ProxyHarness.StartAsync(Config(fault), "frontend", "v1");
        var watch = Stopwatch.StartNew();
        var (status, body) = await h.GetAsync("frontend");
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("fault filter abort", body);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(180), $"took {watch.Elapsed}");
        Assert.Equal(["DI,FI"], await FlagsAsync(h, 1));
        Assert.Equal(0, h.Backends[0].Requests);
    }

    [Fact]
    public async Task Fault_applies_only_to_its_own_rule()
    {
        var yaml = MeshYaml.VirtualService("frontend", """
            - match: [{headers: {end-user: {exact: jason}}}]
              fault: {abort: {httpStatus: 500, percentage: {value: 100}}}
              route: [{destination: {host: frontend}}]
            - route: [{destination: {host: frontend}}]
            """);
        await using var h = await ProxyHarness.StartAsync(yaml, "frontend", "v1");
        Assert.Equal(HttpStatusCode.InternalServerError, (await h.GetAsync("frontend", headers: new() { ["end-user"] = "jason" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await h.GetAsync("frontend")).Status);
    }
}
