using System.Net;
using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Tests.Retries;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Timeouts;

/// <summary>Route timeout (504 UT over all attempts), per-try timeouts, and the x-envoy timeout
/// headers from a local caller. The slow backends wait for a signal that only comes at the end of
/// the test, so a timeout is the only way the request can end; the proxy runs on a fake clock
/// (<see cref="FakeClockProxy"/>) that the test advances once the backend holds the request.</summary>
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

    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task Route_timeout_answers_504_UT()
    {
        await using var p = await FakeClockProxy.StartAsync("timeout: 500ms", await Hangs());
        var pending = p.GetAsync();
        await p.BackendHoldsAsync(1);
        p.Time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(pending.IsCompleted);
        p.Time.Advance(TimeSpan.FromMilliseconds(1));
        var (status, body) = await pending;
        Assert.Equal(HttpStatusCode.GatewayTimeout, status);
        Assert.Equal("upstream request timeout", body);
        var outcome = await p.OutcomeAsync();
        Assert.Equal("UT", outcome.Flags.ToEnvoyString());
        Assert.Equal("response_timeout", outcome.ResponseCodeDetails);
        Assert.Equal(1, outcome.Attempts);
    }

    [Fact]
    public async Task Per_try_timeout_is_retried_under_5xx()
    {
        await using var p = await FakeClockProxy.StartAsync("retries: {attempts: 2, retryOn: 5xx, perTryTimeout: 3s}", await HangsFirstTime());
        var pending = p.GetAsync();
        await p.BackendHoldsAsync(1);
        p.Time.Advance(TimeSpan.FromSeconds(3));
        // The retry waits out its backoff on the same clock.
        await p.AdvanceUntilAsync(() => p.Backend.Requests == 2, Step);
        var (status, _) = await pending;
        Assert.Equal(HttpStatusCode.OK, status);
        var outcome = await p.OutcomeAsync();
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal("-", outcome.Flags.ToEnvoyString());
    }

    [Fact]
    public async Task Per_try_timeouts_that_run_out_of_retries_answer_504_UT_URX()
    {
        await using var p = await FakeClockProxy.StartAsync("retries: {attempts: 1, retryOn: gateway-error, perTryTimeout: 300ms}", await Hangs());
        var pending = p.GetAsync();
        await p.BackendHoldsAsync(1);
        p.Time.Advance(TimeSpan.FromMilliseconds(300));
        await p.AdvanceUntilAsync(() => p.Backend.Requests == 2, Step);
        p.Time.Advance(TimeSpan.FromMilliseconds(300));
        var (status, body) = await pending;
        Assert.Equal(HttpStatusCode.GatewayTimeout, status);
        Assert.Equal("upstream request timeout", body);
        var outcome = await p.OutcomeAsync();
        Assert.Equal("UT,URX", outcome.Flags.ToEnvoyString());
        Assert.Equal("upstream_per_try_timeout", outcome.ResponseCodeDetails);
        Assert.Equal(2, outcome.Attempts);
    }

    [Fact]
    public async Task Per_try_timeout_is_not_retried_by_the_default_conditions()
    {
        await using var p = await FakeClockProxy.StartAsync("retries: {attempts: 2, perTryTimeout: 300ms}", await Hangs());
        var pending = p.GetAsync();
        await p.BackendHoldsAsync(1);
        p.Time.Advance(TimeSpan.FromMilliseconds(300));
        var (status, _) = await pending;
        Assert.Equal(HttpStatusCode.GatewayTimeout, status);
        var outcome = await p.OutcomeAsync();
        Assert.Equal("UT", outcome.Flags.ToEnvoyString());
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal(1, p.Backend.Requests);
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
        await using var p = await FakeClockProxy.StartAsync("", await Hangs());
        var pending = p.GetAsync(new() { ["x-envoy-upstream-rq-timeout-ms"] = "300" });
        await p.BackendHoldsAsync(1);
        p.Time.Advance(TimeSpan.FromMilliseconds(300));
        var (status, _) = await pending;
        Assert.Equal(HttpStatusCode.GatewayTimeout, status);
        Assert.Equal("UT", (await p.OutcomeAsync()).Flags.ToEnvoyString());
        Assert.DoesNotContain("x-envoy-upstream-rq-timeout-ms", p.Backend.Headers.First().Keys);
    }

    [Fact]
    public async Task Local_caller_sets_the_per_try_timeout_with_its_header()
    {
        await using var p = await FakeClockProxy.StartAsync("retries: {attempts: 1, retryOn: reset}", await HangsFirstTime());
        var pending = p.GetAsync(new() { ["x-envoy-upstream-rq-per-try-timeout-ms"] = "2000" });
        await p.BackendHoldsAsync(1);
        p.Time.Advance(TimeSpan.FromMilliseconds(2000));
        await p.AdvanceUntilAsync(() => p.Backend.Requests == 2, Step);
        var (status, _) = await pending;
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, (await p.OutcomeAsync()).Attempts);
        Assert.All(p.Backend.Headers, seen => Assert.DoesNotContain("x-envoy-upstream-rq-per-try-timeout-ms", seen.Keys));
    }

    [Fact]
    public async Task Route_timeout_also_covers_the_response_body()
    {
        await using var p = await FakeClockProxy.StartAsync("timeout: 1s", await ScriptedBackend.StartAsync("stalls-mid-body", async (c, _, b) =>
        {
            c.Response.ContentType = "text/plain";
            await c.Response.WriteAsync("first part\n");
            await c.Response.Body.FlushAsync();
            await b.Released;
        }));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "slow";
        using var response = await p.Harness.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reading = response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        p.Time.Advance(TimeSpan.FromSeconds(1));
        // Envoy resets the stream when the route timeout fires mid-body: the client sees the body cut off.
        await Assert.ThrowsAnyAsync<Exception>(() => reading);
        var outcome = await p.OutcomeAsync();
        Assert.Equal("UT", outcome.Flags.ToEnvoyString());
        Assert.Equal("response_timeout", outcome.ResponseCodeDetails);
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
