using Switchyard.Proxy.Telemetry;
using System.Net;
using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.Tests.Retries;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Timeouts;

/// <summary>Route timeout (504 UT over all attempts), per-try timeouts, and the x-envoy timeout
/// headers from a local caller. The slow backends wait for a signal that only comes at the end of
/// the test, so a timeout is the only way the request can end.</summary>
public sealed class TimeoutTests
{
    private static Task<ScriptedBackend> Hangs() =>
        ScriptedBackend.StartAsync("hangs", async (c, _, b) => { await b.Released; await ScriptedBackend.AnswerAsync(c, b); });

    private static Task<ScriptedBackend> HangsFirstTime() =>
        ScriptedBackend.StartAsync("slow-once", async (c, n, b) =>
        {
            if (n == 1) await b.Released;
            await ScriptedBackend.AnswerAsync(c, b);
        });

    [Fact]
    public async Task Route_timeout_answers_504_UT()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With("timeout: 500ms"), [await Hangs()]);
        var (status, body, outcome) = await h.GetAsync();
        Assert.Equal(HttpStatusCode.GatewayTimeout, status);
        Assert.Equal("upstream request timeout", body);
        Assert.Equal("UT", outcome.Flags.ToEnvoyString());
        Assert.Equal(1, outcome.Attempts);
    }

    [Fact]
    public async Task Per_try_timeout_is_retried_under_5xx()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(
            RouteYaml.With("retries: {attempts: 2, retryOn: 5xx, perTryTimeout: 3s}"), [await HangsFirstTime()]);
        var (status, _, outcome) = await h.GetAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal("-", outcome.Flags.ToEnvoyString());
    }

    [Fact]
    public async Task Per_try_timeouts_that_run_out_of_retries_answer_504_UT_URX()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(
            RouteYaml.With("retries: {attempts: 1, retryOn: gateway-error, perTryTimeout: 300ms}"), [await Hangs()]);
        var (status, body, outcome) = await h.GetAsync();
        Assert.Equal(HttpStatusCode.GatewayTimeout, status);
        Assert.Equal("upstream request timeout", body);
        Assert.Equal("UT,URX", outcome.Flags.ToEnvoyString());
        Assert.Equal(2, outcome.Attempts);
    }

    [Fact]
    public async Task Per_try_timeout_is_not_retried_by_the_default_conditions()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(
            RouteYaml.With("retries: {attempts: 2, perTryTimeout: 300ms}"), [await Hangs()]);
        var (status, _, outcome) = await h.GetAsync();
        Assert.Equal(HttpStatusCode.GatewayTimeout, status);
        Assert.Equal("UT", outcome.Flags.ToEnvoyString());
        Assert.Equal(1, outcome.Attempts);
    }

    [Fact]
    public async Task No_timeout_by_default()
    {
        var release = new TaskCompletionSource();
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With(), [
            await ScriptedBackend.StartAsync("slow", async (c, _, b) => { await release.Task; await ScriptedBackend.AnswerAsync(c, b); })]);
        var pending = h.GetAsync();
        // Well past Envoy's 15 s default would be too slow for a test; instead: the request is
        // still waiting once the backend has it, and completes with 200 when released.
        Assert.True(await Eventually.TrueAsync(() => h.Backends[0].Requests == 1));
        Assert.False(pending.IsCompleted);
        release.SetResult();
        var (status, _, outcome) = await pending;
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("-", outcome.Flags.ToEnvoyString());
    }

    [Fact]
    public async Task Local_caller_sets_the_route_timeout_with_x_envoy_upstream_rq_timeout_ms()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With(), [await Hangs()]);
        var (status, _, outcome) = await h.GetAsync(headers: new() { ["x-envoy-upstream-rq-timeout-ms"] = "300" });
        Assert.Equal(HttpStatusCode.GatewayTimeout, status);
        Assert.Equal("UT", outcome.Flags.ToEnvoyString());
        Assert.DoesNotContain("x-envoy-upstream-rq-timeout-ms", h.Backends[0].Headers.First().Keys);
    }

    [Fact]
    public async Task Local_caller_sets_the_per_try_timeout_with_its_header()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With("retries: {attempts: 1, retryOn: reset}"), [await HangsFirstTime()]);
        var (status, _, outcome) = await h.GetAsync(headers: new() { ["x-envoy-upstream-rq-per-try-timeout-ms"] = "2000" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, outcome.Attempts);
        Assert.All(h.Backends[0].Headers, seen => Assert.DoesNotContain("x-envoy-upstream-rq-per-try-timeout-ms", seen.Keys));
    }

    [Fact]
    public async Task Route_timeout_also_covers_the_response_body()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With("timeout: 1s"), [
            await ScriptedBackend.StartAsync("stalls-mid-body", async (c, _, b) =>
            {
                c.Response.ContentType = "text/plain";
                await c.Response.WriteAsync("first part\n");
                await c.Response.Body.FlushAsync();
                await b.Released;
            })]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "frontend";
        using var response = await h.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Envoy resets the stream when the route timeout fires mid-body: the client sees the body cut off.
        // (A generous client-side limit keeps a regression from hanging the run; it would then fail below.)
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Assert.ThrowsAnyAsync<Exception>(() => response.Content.ReadAsStringAsync(guard.Token));
        Assert.True(await Eventually.TrueAsync(() => !h.Outcomes.IsEmpty));
        Assert.Equal("UT", (await h.Outcomes.WaitForSingleAsync()).Flags.ToEnvoyString());
    }

    [Fact]
    public async Task A_body_that_finishes_in_time_is_untouched_by_the_route_timeout()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With("timeout: 30s"), [
            await ScriptedBackend.StartAsync("fast", (c, _, b) => ScriptedBackend.AnswerAsync(c, b))]);
        var (status, body, outcome) = await h.GetAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("fast\n", body);
        Assert.Equal("-", outcome.Flags.ToEnvoyString());
    }
}
