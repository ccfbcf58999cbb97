using System.Net;
using Microsoft.Extensions.Time.Testing;
using Switchyard.Proxy.Demo;
using Switchyard.Proxy.LoadBalancing;
using Switchyard.Proxy.OutlierDetection;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.OutlierDetection;

/// <summary>
/// DestinationRule <c>outlierDetection</c> on real traffic: real backends, one of them made to fail,
/// round-robin requests through the proxy, and a fake clock that drives the ejection sweep.
/// Retries are off, so each request is one attempt and one report to the detector (the default
/// retry policy would also wait out its backoff on the fake clock).
/// </summary>
public class OutlierDetectionTests(ITestOutputHelper output)
{
    private const string Cluster = "outbound|80||frontend.default.svc.cluster.local";
    private static readonly string[] Three = ["a", "b", "c"];

    private static string Config(string outlierDetection) => MeshYaml.Join(
        MeshYaml.VirtualService("frontend", """
            - route: [{destination: {host: frontend}}]
              retries: {attempts: 0}
            """),
        MeshYaml.DestinationRule("frontend", trafficPolicy: $$$"""
            loadBalancer: {simple: ROUND_ROBIN}
            outlierDetection: {{{outlierDetection}}}
            """));

    private static OutlierDetector Detector(ProxyHarness h) => h.State.Current.Clusters[Cluster].Outlier!;

    private static EndpointState EndpointOf(ProxyHarness h, EchoBackend backend) =>
        h.State.Current.Clusters[Cluster].Endpoints.Single(e => e.Endpoint.ToString().EndsWith(":" + backend.Port, StringComparison.Ordinal));

    [Fact]
    public async Task Endpoint_answering_500_is_ejected_after_5_errors_and_traffic_moves_to_the_others()
    {
        await using var h = await ProxyHarness.StartAsync(Config("{maxEjectionPercent: 50}"), new FakeTimeProvider(), "frontend", Three);
        var bad = h.Backends[2];
        bad.Status = 500;
        var before = await h.CountAsync("frontend", 30);
        Assert.True(EndpointOf(h, bad).IsEjected);
        Assert.Equal(5, bad.Requests);
        Assert.Equal(5, before["HTTP 500"]);

        var after = await h.CountAsync("frontend", 30);
        output.WriteLine(string.Join(", ", after.Select(kv => $"{kv.Key}: {kv.Value}")));
        Assert.Equal(5, bad.Requests);
        Assert.Equal(30, after.GetValueOrDefault("frontend a") + after.GetValueOrDefault("frontend b"));
    }

    [Fact]
    public async Task With_every_endpoint_ejected_and_no_panic_threshold_the_proxy_answers_503_UH()
    {
        // Istio's minHealthPercent defaults to 0, Envoy's panic threshold then is off: with every
        // endpoint ejected there is no healthy upstream, rather than traffic to ejected ones.
        await using var h = await ProxyHarness.StartAsync(Config("{consecutive5xxErrors: 2, maxEjectionPercent: 100}"), new FakeTimeProvider(), "frontend", ["a", "b"]);
        foreach (var b in h.Backends) b.Status = 500;
        await h.CountAsync("frontend", 4);
        Assert.All(h.Backends, b => Assert.True(EndpointOf(h, b).IsEjected));

        var (status, body) = await h.GetAsync("frontend");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("no healthy upstream", body);
        Assert.Equal("UH", h.Outcomes.Last().Flags.ToEnvoyString());
        Assert.Equal(4, h.Backends.Sum(b => b.Requests));
    }

    [Fact]
    public async Task Ejected_endpoint_returns_after_baseEjectionTime_and_a_second_ejection_lasts_twice_as_long()
    {
        var time = new FakeTimeProvider();
        await using var h = await ProxyHarness.StartAsync(Config("{maxEjectionPercent: 50, interval: 10s, baseEjectionTime: 30s}"), time, "frontend", Three);
        var bad = h.Backends[2];
        bad.Status = 500;
        await h.CountAsync("frontend", 30);
        var endpoint = EndpointOf(h, bad);
        Assert.True(endpoint.IsEjected);

        time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(endpoint.IsEjected);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.False(endpoint.IsEjected);

        // Still failing: back in service, it is ejected again after 5 more errors, now for 2 × 30s.
        await h.CountAsync("frontend", 30);
        Assert.Equal(10, bad.Requests);
        Assert.True(endpoint.IsEjected);
        Assert.Equal(2, Detector(h).TimesEjected(endpoint));
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(endpoint.IsEjected);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.False(endpoint.IsEjected);
    }

    [Fact]
    public async Task MaxEjectionPercent_caps_ejections_and_its_10_percent_default_ejects_none_of_three()
    {
        await using var capped = await ProxyHarness.StartAsync(Config("{maxEjectionPercent: 50}"), new FakeTimeProvider(), "frontend", Three);
        capped.Backends[1].Status = capped.Backends[2].Status = 500;
        await capped.CountAsync("frontend", 60);
        Assert.Equal(1, Detector(capped).EjectedCount);

        await using var byDefault = await ProxyHarness.StartAsync(Config("{consecutive5xxErrors: 2}"), new FakeTimeProvider(), "frontend", Three);
        byDefault.Backends[2].Status = 500;
        var counts = await byDefault.CountAsync("frontend", 30);
        Assert.Equal(0, Detector(byDefault).EjectedCount);
        Assert.Equal(10, counts["HTTP 500"]);
    }

    [Theory]
    [InlineData(60, true)]
    [InlineData(0, false)]
    public async Task Below_minHealthPercent_the_balancer_ignores_ejections(int minHealthPercent, bool panic)
    {
        await using var h = await ProxyHarness.StartAsync(Config($"{{maxEjectionPercent: 100, minHealthPercent: {minHealthPercent}}}"), new FakeTimeProvider(), "frontend", "a", "b");
        var bad = h.Backends[1];
        bad.Status = 500;
        await h.CountAsync("frontend", 40);
        Assert.Equal(1, Detector(h).EjectedCount);
        Assert.Equal(panic, Detector(h).InPanic);
        if (panic) Assert.Equal(20, bad.Requests);
        else Assert.Equal(5, bad.Requests);
    }

    [Fact]
    public async Task Gateway_errors_count_only_502_503_504()
    {
        await using var h = await ProxyHarness.StartAsync(Config("{consecutive5xxErrors: 0, consecutiveGatewayErrors: 3, maxEjectionPercent: 50}"), new FakeTimeProvider(), "frontend", Three);
        var bad = h.Backends[2];
        bad.Status = 500;
        await h.CountAsync("frontend", 30);
        Assert.Equal(0, Detector(h).EjectedCount);
        bad.Status = 503;
        await h.CountAsync("frontend", 30);
        Assert.True(EndpointOf(h, bad).IsEjected);
        Assert.Equal(13, bad.Requests);
    }

    [Theory]
    [InlineData("{splitExternalLocalOriginErrors: true, consecutiveLocalOriginFailures: 2, consecutive5xxErrors: 0, maxEjectionPercent: 50}", 2)]
    [InlineData("{consecutive5xxErrors: 3, maxEjectionPercent: 50}", 3)]
    public async Task An_endpoint_refusing_connections_is_ejected_for_local_origin_failures(string outlierDetection, int failures)
    {
        await using var h = await ProxyHarness.StartAsync(Config(outlierDetection), new FakeTimeProvider(), "frontend", "a");
        using var refusing = new RefusedPort();
        var deadPort = refusing.Port;
        h.Apply(Config(outlierDetection).Replace("frontend", "flaky", StringComparison.Ordinal)
            + "\n---\n" + ServiceEntryYaml.For("flaky", [(h.Backends[0].Port, "app: flaky"), (deadPort, "app: flaky")]), 2);

        var counts = await h.CountAsync("flaky", 20);
        output.WriteLine(string.Join(", ", counts.Select(kv => $"{kv.Key}: {kv.Value}")));
        Assert.Equal(failures, counts["HTTP 503"]);
        Assert.Equal(1, h.State.Current.Clusters["outbound|80||flaky.default.svc.cluster.local"].Outlier!.EjectedCount);
        Assert.True(await Eventually.TrueAsync(() => h.Outcomes.Count(o => o.Flags.ToEnvoyString() == "UF") == failures));
    }
}
