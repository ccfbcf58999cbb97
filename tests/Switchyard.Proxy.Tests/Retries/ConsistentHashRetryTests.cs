using System.Net;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Retries;

/// <summary>Under consistent hashing Istio's default policy has no previous_hosts predicate
/// (retry.DefaultConsistentHashPolicy): a retry stays on the request's hashed host.</summary>
public sealed class ConsistentHashRetryTests
{
    private static readonly string HashByUser = MeshYaml.DestinationRule("frontend.default.svc.cluster.local", trafficPolicy: """
        loadBalancer:
          consistentHash: {httpHeaderName: x-user}
        """);

    [Fact]
    public async Task Default_policy_retries_on_the_same_hashed_host()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(MeshYaml.Join(HashByUser, RouteYaml.With()), [
            await ScriptedBackend.StartAsync("a", (c, n, b) => ScriptedBackend.AnswerAsync(c, b, n == 1 ? 503 : 200)),
            await ScriptedBackend.StartAsync("b", (c, n, b) => ScriptedBackend.AnswerAsync(c, b, n == 1 ? 503 : 200))]);
        var (status, _, outcome) = await h.GetAsync(headers: new() { ["x-user"] = "jason" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal([0, 2], h.Backends.Select(b => b.Requests).Order().ToArray());
    }

    [Fact]
    public async Task RetryIgnorePreviousHosts_true_moves_even_a_hashed_request()
    {
        await using var h = await ScriptedProxyHarness.StartAsync(
            MeshYaml.Join(HashByUser, RouteYaml.With("retries: {attempts: 1, retryOn: 5xx, retryIgnorePreviousHosts: true}")), [
            await ScriptedBackend.StartAsync("a", (c, n, b) => ScriptedBackend.AnswerAsync(c, b, n == 1 ? 503 : 200)),
            await ScriptedBackend.StartAsync("b", (c, n, b) => ScriptedBackend.AnswerAsync(c, b, n == 1 ? 503 : 200))]);
        var (status, _, outcome) = await h.GetAsync(headers: new() { ["x-user"] = "jason" });
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal([1, 1], h.Backends.Select(b => b.Requests).ToArray());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status); // both hosts answer 503 to their first request
    }
}
