using System.Diagnostics;
using System.Net;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Soak;

/// <summary>
/// The short variant of bench/soak.sh's backend-kill run: one of three backends dies (its
/// connections aborted, requests in flight included) and comes back on its port, three times,
/// under continuous load. Istio's default retry policy moves refused connections to the other
/// backends, so only the requests in flight on it when it died may fail; outlier detection
/// ejects it while it is down and returns it once its ejection time is up. Short real ejection
/// times, and every step waits for what it needs to see.
/// </summary>
public sealed class BackendKillTests(ITestOutputHelper output)
{
    private const int Kills = 3;
    private const int Workers = 3;
    private const string Cluster = "outbound|80||shop.default.svc.cluster.local";

    [Fact]
    public async Task A_backend_killed_and_restarted_under_load_fails_only_its_in_flight_requests_and_is_ejected_and_returned()
    {
        var backends = new List<KillableBackend>();
        foreach (var name in new[] { "shop a", "shop b", "shop c" }) backends.Add(await KillableBackend.StartAsync(name));
        var victim = backends[2];
        try
        {
            await using var host = await SoakHost.StartAsync(MeshYaml.Join(
                MeshYaml.VirtualService("shop", "- route: [{destination: {host: shop}}]"),
                MeshYaml.DestinationRule("shop", trafficPolicy: """
                    loadBalancer: {simple: ROUND_ROBIN}
                    outlierDetection: {consecutive5xxErrors: 3, interval: 50ms, baseEjectionTime: 100ms, maxEjectionPercent: 50}
                    """),
                ServiceEntryYaml.For("shop", backends.Select(b => (b.Port, "app: shop")))));
            var cluster = host.State.Current.Clusters[Cluster];
            var endpoint = cluster.Endpoints.Single(e => e.Endpoint.ToString().EndsWith(":" + victim.Port, StringComparison.Ordinal));

            var kills = new List<(long Start, long End)>();
            var traffic = TimedTraffic.Start(host.ProxyUri, "shop", Workers);
            await using (traffic)
            {
                for (var k = 0; k < Kills; k++)
                {
                    var served = victim.Served;
                    Assert.True(await Eventually.TrueAsync(() => victim.Served > served + 5), $"kill {k}: the victim never got traffic (returned)");
                    victim.Hold();
                    Assert.True(await Eventually.TrueAsync(() => victim.Held > 0), $"kill {k}: no request reached the victim");
                    var ejections = cluster.Outlier!.TimesEjected(endpoint);
                    var start = Stopwatch.GetTimestamp();
                    await victim.KillAsync();
                    kills.Add((start, Stopwatch.GetTimestamp()));
                    // Down: its refused connections count as errors and eject it.
                    Assert.True(await Eventually.TrueAsync(() => cluster.Outlier.TimesEjected(endpoint) > ejections), $"kill {k}: never ejected");
                    await victim.RestartAsync();
                }
                var after = victim.Served;
                Assert.True(await Eventually.TrueAsync(() => victim.Served > after), "the victim never got traffic after its last restart");
                Assert.True(await traffic.WaitForMoreAsync(50));
            }

            var answers = traffic.Answers.ToList();
            var failures = answers.Where(a => !a.Ok).ToList();
            output.WriteLine($"{answers.Count} requests, {failures.Count} failed: {string.Join(" | ", failures.Select(f => $"{f.Status} {f.Answer}").Distinct())}");
            Assert.All(failures, f => Assert.True(kills.Any(k => f.Start <= k.End && f.End >= k.Start), $"failed outside a kill: {f.Status} {f.Answer}"));
            // The proxy answered each of them (503 with Envoy's reset body), none was a dropped client connection.
            Assert.All(failures, f => Assert.Equal(HttpStatusCode.ServiceUnavailable, f.Status));
            // At most one request per client connection can be in flight on it when it dies.
            Assert.InRange(failures.Count, 0, Kills * Workers);
            Assert.True(cluster.Outlier!.TimesEjected(endpoint) >= Kills);
            Assert.All(backends.Take(2), b => Assert.True(b.Served > 0));
        }
        finally
        {
            foreach (var b in backends) await b.DisposeAsync();
        }
    }
}
