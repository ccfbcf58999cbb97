using System.Net;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Mirror;

/// <summary>A shadow copy is an upstream request of its mirror cluster, as Envoy's shadow is: it
/// takes a place in that cluster's circuit breakers and reports its outcome to that cluster's
/// outlier detector.</summary>
public class ShadowAdmissionTests
{
    private const string MirrorCluster = "outbound|80||mirror.default.svc.cluster.local";

    private static string Config(int mirrorPort, string mirrorPolicy) => MeshYaml.Join(
        ServiceEntryYaml.For("mirror", [(mirrorPort, "app: mirror")]),
        MeshYaml.DestinationRule("mirror", trafficPolicy: mirrorPolicy),
        MeshYaml.VirtualService("frontend", """
            - route:
              - destination: {host: frontend}
              mirror: {host: mirror}
            """));

    [Fact]
    public async Task Shadows_answered_with_5xx_eject_the_mirror_endpoint_through_the_mirror_clusters_outlier_detector()
    {
        await using var mirror = await ScriptedBackend.StartAsync("mirror", (c, _, self) => ScriptedBackend.AnswerAsync(c, self, 503));
        await using var h = await ProxyHarness.StartAsync(Config(mirror.Port, "outlierDetection: {consecutive5xxErrors: 3, interval: 60s, baseEjectionTime: 60s, maxEjectionPercent: 100}"), "frontend", "v1");
        var counts = await h.CountAsync("frontend", 3);
        Assert.Equal(3, counts.GetValueOrDefault("frontend v1"));

        var detector = h.State.Current.Clusters[MirrorCluster].Outlier!;
        Assert.True(await Eventually.TrueAsync(() => detector.EjectedCount == 1), $"mirror got {mirror.Requests} shadows, ejected {detector.EjectedCount}");
        // The primary cluster saw only 200s.
        Assert.Null(h.State.Current.Clusters["outbound|80||frontend.default.svc.cluster.local"].Outlier);
    }

    [Fact]
    public async Task Shadows_past_the_mirror_clusters_max_requests_are_dropped_not_queued()
    {
        await using var mirror = await ScriptedBackend.StartAsync("mirror", async (c, _, self) =>
        {
            await self.Released;
            await ScriptedBackend.AnswerAsync(c, self);
        });
        await using var h = await ProxyHarness.StartAsync(Config(mirror.Port, "connectionPool: {http: {http2MaxRequests: 1}}"), "frontend", "v1");
        var runtime = h.State.Current.Clusters[MirrorCluster];

        Assert.Equal(HttpStatusCode.OK, (await h.GetAsync("frontend")).Status);
        // The first shadow holds the mirror cluster's only request place at the backend's gate.
        Assert.True(await Eventually.TrueAsync(() => mirror.Requests == 1 && runtime.Pool!.ActiveRequests == 1));
        var counts = await h.CountAsync("frontend", 5);
        Assert.Equal(5, counts.GetValueOrDefault("frontend v1"));
        // Every later shadow was refused by the breaker and gave its mirror slot back at once.
        Assert.True(await Eventually.TrueAsync(() => runtime.MirrorSlots.InFlight == 1), $"{runtime.MirrorSlots.InFlight} shadows in flight");
        Assert.Equal(1, mirror.Requests);

        mirror.Release();
        Assert.True(await Eventually.TrueAsync(() => runtime.MirrorSlots.InFlight == 0 && runtime.Pool!.ActiveRequests == 0));
        Assert.Equal(1, mirror.Requests);
    }
}
