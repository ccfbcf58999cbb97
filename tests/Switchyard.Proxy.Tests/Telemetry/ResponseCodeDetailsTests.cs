using System.Net;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Tests.Retries;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Telemetry;

/// <summary>
/// %RESPONSE_FLAGS% and %RESPONSE_CODE_DETAILS% through the real proxy, for each combination a
/// test can produce. Envoy records the details where it decides the answer, so a flag that only
/// marks the request (an injected delay, DI) never hides why it was answered (UF, UT, FI, or the
/// upstream's own answer), and flags print in Envoy's order whatever order they were set in.
/// </summary>
public sealed class ResponseCodeDetailsTests
{
    private const string Delay = "fault: {delay: {fixedDelay: 1ms, percentage: {value: 100}}}";
    private const string NoRetries = "retries: {attempts: 0}";

    private static Task<ScriptedBackend> Answers(int status = 200) =>
        ScriptedBackend.StartAsync("answers", (c, _, b) => ScriptedBackend.AnswerAsync(c, b, status));

    private static Task<ScriptedBackend> Hangs() =>
        ScriptedBackend.StartAsync("hangs", async (c, _, b) => { await b.Released; await ScriptedBackend.AnswerAsync(c, b); });

    private static Task<ScriptedBackend> Resets() =>
        ScriptedBackend.StartAsync("resets", (c, _, _) => { c.Abort(); return Task.CompletedTask; });

    private static async Task<(HttpStatusCode Status, string Flags, string? Details)> SendAsync(ScriptedProxyHarness h, string host = "frontend")
    {
        var (status, _, outcome) = await h.SendAsync(HttpMethod.Get, "/", host: host);
        return (status, outcome.Flags.ToEnvoyString(), outcome.ResponseCodeDetails);
    }

    [Fact]
    public async Task Delay_then_upstream_answer_is_DI_via_upstream()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With(Delay), [await Answers()]);
        Assert.Equal((HttpStatusCode.OK, "DI", "via_upstream"), await SendAsync(h));
    }

    [Fact]
    public async Task Delay_then_abort_is_DI_FI_fault_filter_abort()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(
            RouteYaml.With("fault: {delay: {fixedDelay: 1ms, percentage: {value: 100}}, abort: {httpStatus: 418, percentage: {value: 100}}}"), [await Answers()]);
        Assert.Equal(((HttpStatusCode)418, "DI,FI", "fault_filter_abort"), await SendAsync(h));
    }

    [Fact]
    public async Task Delay_then_connect_failure_is_UF_DI_connection_failure()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With(Delay + "\n" + NoRetries), [], closedPorts: 1);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "UF,DI", "upstream_reset_before_response_started{connection_failure}"), await SendAsync(h));
    }

    [Fact]
    public async Task Delay_then_route_timeout_is_UT_DI_response_timeout()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With(Delay + "\ntimeout: 200ms"), [await Hangs()]);
        Assert.Equal((HttpStatusCode.GatewayTimeout, "UT,DI", "response_timeout"), await SendAsync(h));
    }

    [Fact]
    public async Task Connect_failures_that_run_out_of_retries_are_UF_URX_connection_failure()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With("retries: {attempts: 1, retryOn: connect-failure}"), [], closedPorts: 1);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "UF,URX", "upstream_reset_before_response_started{connection_failure}"), await SendAsync(h));
    }

    [Fact]
    public async Task A_reset_before_headers_is_UC_connection_termination()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With(NoRetries), [await Resets()]);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "UC", "upstream_reset_before_response_started{connection_termination}"), await SendAsync(h));
    }

    [Fact]
    public async Task An_upstream_503_passed_on_after_the_last_retry_is_URX_via_upstream()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With("retries: {attempts: 1, retryOn: 5xx}"), [await Answers(503)]);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "URX", "via_upstream"), await SendAsync(h));
    }

    [Fact]
    public async Task A_per_try_timeout_on_the_last_attempt_is_UT_URX_upstream_per_try_timeout()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With("retries: {attempts: 1, retryOn: reset, perTryTimeout: 200ms}"), [await Hangs()]);
        Assert.Equal((HttpStatusCode.GatewayTimeout, "UT,URX", "upstream_per_try_timeout"), await SendAsync(h));
    }

    [Fact]
    public async Task An_unknown_host_is_NR_route_not_found()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(RouteYaml.With(), [await Answers()]);
        Assert.Equal((HttpStatusCode.NotFound, "NR", "route_not_found"), await SendAsync(h, "nowhere.example"));
    }

    [Fact]
    public async Task An_undefined_subset_is_NC_cluster_not_found()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(MeshYaml.VirtualService("frontend", """
            - route:
              - destination: {host: frontend, subset: nosuch}
            """), [await Answers()]);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "NC", "cluster_not_found"), await SendAsync(h));
    }

    [Fact]
    public async Task A_cors_preflight_answered_by_the_proxy_is_cors_response()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(
            RouteYaml.With("corsPolicy: {allowOrigins: [{exact: 'https://app.example'}], allowMethods: [GET]}"), [await Answers()]);
        var (status, _, outcome) = await h.SendAsync(HttpMethod.Options, headers: new()
        {
            ["origin"] = "https://app.example",
            ["access-control-request-method"] = "GET",
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("-", "cors_response"), (outcome.Flags.ToEnvoyString(), outcome.ResponseCodeDetails));
        Assert.Equal(0, h.Backends[0].Requests);
    }
}
