using System.Net;
using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Retries;

/// <summary>A route's own retries: attempts and each retryOn condition, as Envoy applies them.</summary>
public sealed class RetryOnTests
{
    private static Task<ScriptedBackend> FailsThenAnswers(int failures, int status) =>
        ScriptedBackend.StartAsync("flaky", (c, n, b) => ScriptedBackend.AnswerAsync(c, b, n <= failures ? status : 200));

    [Fact]
    public async Task Attempts_3_on_5xx_rides_out_three_500s()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With("retries: {attempts: 3, retryOn: 5xx}"), [await FailsThenAnswers(3, 500)]);
        var (status, _, outcome) = await h.GetAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(4, outcome.Attempts);
        Assert.Equal("-", outcome.Flags.ToEnvoyString());
    }

    [Fact]
    public async Task Attempts_2_on_5xx_gives_up_on_the_third_500_with_URX()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With("retries: {attempts: 2, retryOn: 5xx}"), [await FailsThenAnswers(3, 500)]);
        var (status, _, outcome) = await h.GetAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal(3, h.Backends[0].Requests);
        Assert.Equal("URX", outcome.Flags.ToEnvoyString());
    }

    [Theory]
    [InlineData("gateway-error", 502, 2)]
    [InlineData("gateway-error", 504, 2)]
    [InlineData("gateway-error", 500, 1)]
    [InlineData("retriable-4xx", 409, 2)]
    [InlineData("retriable-4xx", 404, 1)]
    [InlineData("retriable-status-codes,418", 418, 2)]
    [InlineData("418", 418, 2)] // a bare code implies retriable-status-codes, as Istio adds it
    [InlineData("5xx", 503, 2)]
    [InlineData("connect-failure", 503, 1)] // the default's 503 is replaced by the route's retryOn
    public async Task RetryOn_condition_decides_whether_a_status_is_retried(string retryOn, int status, int attempts)
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With($"retries: {{attempts: 1, retryOn: \"{retryOn}\"}}"), [await FailsThenAnswers(1, status)]);
        var (_, _, outcome) = await h.GetAsync();
        Assert.Equal(attempts, outcome.Attempts);
        Assert.Equal(attempts, h.Backends[0].Requests);
    }

    [Theory]
    [InlineData("reset")]
    [InlineData("5xx")]
    [InlineData("gateway-error")]
    public async Task Reset_conditions_retry_a_connection_reset(string retryOn)
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With($"retries: {{attempts: 1, retryOn: {retryOn}}}"), [
            await ScriptedBackend.StartAsync("resets-once", async (c, n, b) =>
            {
                if (n == 1) c.Abort();
                else await ScriptedBackend.AnswerAsync(c, b);
            })]);
        var (status, _, outcome) = await h.GetAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, outcome.Attempts);
    }

    [Fact]
    public async Task Retriable_headers_retries_on_a_header_the_local_client_named()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With("retries: {attempts: 1, retryOn: retriable-headers}"), [
            await ScriptedBackend.StartAsync("flaky", (c, n, b) =>
            {
                if (n == 1) c.Response.Headers["x-try-again"] = "yes";
                return ScriptedBackend.AnswerAsync(c, b);
            })]);
        var (_, _, outcome) = await h.GetAsync(headers: new() { ["x-envoy-retriable-header-names"] = "x-other, x-try-again" });
        Assert.Equal(2, outcome.Attempts);
        Assert.DoesNotContain("x-envoy-retriable-header-names", h.Backends[0].Headers.First().Keys);
    }

    [Fact]
    public async Task A_retry_moves_to_the_other_endpoint()
    {
        var backends = new List<ScriptedBackend>();
        for (var i = 0; i < 2; i++)
            backends.Add(await ScriptedBackend.StartAsync($"b{i}", (c, _, b) => ScriptedBackend.AnswerAsync(c, b, 503)));
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With("retries: {attempts: 1, retryOn: 5xx}"), backends);
        for (var i = 0; i < 10; i++)
        {
            var (status, _, outcome) = await h.GetAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("URX", outcome.Flags.ToEnvoyString());
            Assert.Equal(2, outcome.Attempts);
        }
        // Every request tried both endpoints, once each: the retry never went back to the one that failed.
        Assert.All(backends, b => Assert.Equal(10, b.Requests));
    }
}
