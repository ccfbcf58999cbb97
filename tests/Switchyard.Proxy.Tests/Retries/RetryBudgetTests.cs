using System.Net;
using Microsoft.Extensions.Time.Testing;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Retries;

/// <summary>connectionPool.http.maxRetries: Envoy's retry circuit breaker. A retry holds a place
/// while it waits out its backoff; a retry that finds none is not made and the request ends UO.</summary>
public class RetryBudgetTests
{
    private const string Cluster = "outbound|80||frontend.default.svc.cluster.local";

    private static readonly string Config = MeshYaml.Join(
        MeshYaml.VirtualService("frontend", """
            - route: [{destination: {host: frontend}}]
              retries: {attempts: 1, retryOn: 5xx}
            """),
        MeshYaml.DestinationRule("frontend", trafficPolicy: "connectionPool: {http: {maxRetries: 1}}"));

    [Fact]
    public async Task A_retry_beyond_maxRetries_is_not_made_and_the_request_ends_UO()
    {
        // The fake clock holds the first request's retry in its backoff, so its place stays taken.
        var time = new FakeTimeProvider();
        await using var h = await ProxyHarness.StartAsync(Config, time, "frontend", "v1");
        h.Backends[0].Status = 503;
        var pool = h.State.Current.Clusters[Cluster].Pool!;

        var first = h.GetAsync("frontend", "/first");
        Assert.True(await Eventually.TrueAsync(() => pool.ActiveRetries == 1));

        var (status, _) = await h.GetAsync("frontend", "/second");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var refused = await h.Outcomes.WaitForSingleAsync();
        Assert.Equal("/second", refused.Path);
        Assert.Equal("UO", refused.Flags.ToEnvoyString());
        // The refused retry is not a local reply: the upstream's 503 is passed on.
        Assert.Equal("via_upstream", refused.ResponseCodeDetails);
        Assert.Equal(1, refused.Attempts);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await first).Status);
        Assert.True(await Eventually.TrueAsync(() => h.Outcomes.Count == 2));
        var retried = h.Outcomes.Single(o => o.Path == "/first");
        Assert.Equal(2, retried.Attempts);
        Assert.Equal("URX", retried.Flags.ToEnvoyString());
        Assert.Equal(0, pool.ActiveRetries);
        Assert.Equal(3, h.Backends[0].Requests);
    }
}
