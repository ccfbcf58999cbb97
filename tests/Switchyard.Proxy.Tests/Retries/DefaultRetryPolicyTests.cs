using System.Net;
using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Retries;

/// <summary>Istio's default retry policy (retry.DefaultPolicy): 2 retries on connect-failure,
/// refused-stream, unavailable, cancelled and 503, each on a host not tried before.</summary>
public sealed class DefaultRetryPolicyTests
{
    [Fact]
    public async Task Default_policy_retries_a_503_on_the_other_endpoint()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With(), [
            await ScriptedBackend.StartAsync("broken", (c, _, b) => ScriptedBackend.AnswerAsync(c, b, 503)),
            await ScriptedBackend.StartAsync("healthy", (c, _, b) => ScriptedBackend.AnswerAsync(c, b))]);
        var broken = h.Backends[0];
        for (var i = 0; i < 30; i++)
        {
            var (status, body, outcome) = await h.GetAsync();
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("healthy\n", body);
            Assert.Equal("-", outcome.Flags.ToEnvoyString());
            Assert.Equal($"127.0.0.1:{h.Backends[1].Port}", outcome.UpstreamHost);
        }
        // Some first attempts did land on the broken endpoint and were retried, once each, elsewhere.
        Assert.InRange(broken.Requests, 1, 29);
        var retried = h.Outcomes.Count(o => o.Attempts == 2);
        Assert.Equal(broken.Requests, retried);
        Assert.Equal(30 - retried, h.Outcomes.Count(o => o.Attempts == 1));
    }

    [Fact]
    public async Task Default_policy_does_not_retry_a_500()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With(), [
            await ScriptedBackend.StartAsync("broken", (c, _, b) => ScriptedBackend.AnswerAsync(c, b, 500))]);
        var (status, _, outcome) = await h.GetAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal(1, h.Backends[0].Requests);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal("-", outcome.Flags.ToEnvoyString());
    }

    [Fact]
    public async Task Default_policy_gives_up_after_two_retries_with_URX()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With(), [
            await ScriptedBackend.StartAsync("broken", (c, _, b) => ScriptedBackend.AnswerAsync(c, b, 503))]);
        var (status, body, outcome) = await h.GetAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("broken\n", body); // the last attempt's own answer
        Assert.Equal(3, h.Backends[0].Requests);
        Assert.Equal(3, outcome.Attempts);
        Assert.Equal("URX", outcome.Flags.ToEnvoyString());
    }

    [Fact]
    public async Task Service_without_VirtualService_gets_the_default_policy_too()
    {
        await using var h = await ScriptedProxyHarness.StartAsync("", [
            await ScriptedBackend.StartAsync("flaky", (c, n, b) => ScriptedBackend.AnswerAsync(c, b, n == 1 ? 503 : 200))]);
        var (status, _, outcome) = await h.GetAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, outcome.Attempts);
    }

    [Fact]
    public async Task Default_policy_retries_a_refused_connection_elsewhere()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With(), [
            await ScriptedBackend.StartAsync("healthy", (c, _, b) => ScriptedBackend.AnswerAsync(c, b))], closedPorts: 1);
        for (var i = 0; i < 20; i++)
        {
            var (status, _, outcome) = await h.GetAsync();
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("-", outcome.Flags.ToEnvoyString());
        }
        Assert.Contains(h.Outcomes, o => o.Attempts == 2);
        Assert.Equal(20, h.Backends[0].Requests);
    }

    [Fact]
    public async Task Connect_failures_everywhere_end_in_503_UF_URX()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With(), [], closedPorts: 1);
        var (status, body, outcome) = await h.GetAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.StartsWith("upstream connect error or disconnect/reset before headers", body);
        Assert.Equal("UF,URX", outcome.Flags.ToEnvoyString());
        Assert.Equal(3, outcome.Attempts);
    }

    [Fact]
    public async Task Default_policy_does_not_retry_a_reset()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With(), [
            await ScriptedBackend.StartAsync("resets", (c, _, _) => { c.Abort(); return Task.CompletedTask; })]);
        var (status, _, outcome) = await h.GetAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("UC", outcome.Flags.ToEnvoyString());
        Assert.Equal(1, h.Backends[0].Requests);
    }

    [Theory]
    [InlineData("14", 2)] // unavailable: retried
    [InlineData("1", 2)]  // cancelled: retried
    [InlineData("13", 1)] // internal: not in the default policy
    public async Task Default_policy_reads_grpc_status_from_a_trailers_only_answer(string grpcStatus, int attempts)
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With(), [
            await ScriptedBackend.StartAsync("grpc", (c, n, b) =>
            {
                c.Response.Headers["content-type"] = "application/grpc";
                c.Response.Headers["grpc-status"] = n == 1 ? grpcStatus : "0";
                return Task.CompletedTask;
            })]);
        var (status, _, outcome) = await h.GetAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(attempts, outcome.Attempts);
        Assert.Equal(attempts, h.Backends[0].Requests);
    }

    [Fact]
    public async Task Attempts_zero_disables_retries()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With("retries: {attempts: 0}"), [
            await ScriptedBackend.StartAsync("broken", (c, _, b) => ScriptedBackend.AnswerAsync(c, b, 503))]);
        var (status, _, outcome) = await h.GetAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(1, h.Backends[0].Requests);
        Assert.Equal("-", outcome.Flags.ToEnvoyString());
    }
}
