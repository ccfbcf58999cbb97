using System.Diagnostics;
using Switchyard.Loading;
using Switchyard.Proxy.Demo;
using Switchyard.Proxy.Tests.TestSupport;
using Switchyard.Sources;

namespace Switchyard.Proxy.Tests.Soak;

/// <summary>
/// The short variant of bench/soak.sh's reload run: 50 edits of a watched VirtualService file,
/// alternating a good one (all traffic to v1, then v2, ...) and a rejected one (four kinds, each
/// aimed at v3), under continuous load. No request fails, v3 never answers, and every request
/// that ran while one good config was live was answered by it. Each edit waits until the proxy
/// shows it (a new snapshot version, or the file's error among the rejections), never for time.
/// The file source is the real one on a real directory, with a short debounce so 50 rounds stay quick.
/// </summary>
public sealed class ReloadUnderLoadTests
{
    private const int Reloads = 50;
    private const string VsFile = "shop-vs.yaml";

    private static string Good(string subset, int n) => MeshYaml.VirtualService("shop", $$"""
        - headers:
            response:
              set: {x-edit: "{{n}}"}
          route:
          - destination: {host: shop, subset: {{subset}} }
        """);

    private static readonly string[] Rejected =
    [
        // A negative weight: loads, but validation refuses the VirtualService.
        MeshYaml.VirtualService("shop", """
            - route:
              - {destination: {host: shop, subset: v3}, weight: 101}
              - {destination: {host: shop, subset: v1}, weight: -1}
            """),
        // A syntax error: the file does not parse.
        MeshYaml.VirtualService("shop", "- route: [{destination: {host: shop, subset: v3}}"),
        // An RE2 syntax error in a match.
        MeshYaml.VirtualService("shop", """
            - match: [{uri: {regex: "(["}}]
              route: [{destination: {host: shop, subset: v3}}]
            """),
        // Not a duration.
        MeshYaml.VirtualService("shop", """
            - timeout: 5 parsecs
              route: [{destination: {host: shop, subset: v3}}]
            """),
    ];

    [Fact]
    public async Task Fifty_reloads_alternating_good_and_rejected_under_load_fail_no_request_and_always_serve_the_last_good_config()
    {
        string[] versions = ["v1", "v2", "v3"];
        var backends = new List<EchoBackend>();
        var dir = Directory.CreateTempSubdirectory("switchyard-soak-").FullName;
        try
        {
            foreach (var v in versions) backends.Add(await EchoBackend.StartAsync($"shop {v}"));
            File.WriteAllText(Path.Combine(dir, "shop-endpoints.yaml"), MeshYaml.Join(
                ServiceEntryYaml.For("shop", versions.Select((v, i) => (backends[i].Port, $"version: {v}"))),
                MeshYaml.DestinationRule("shop", subsets: string.Join("\n", versions.Select(v => $"- {{name: {v}, labels: {{version: {v}}}}}")))));
            var vs = Path.Combine(dir, VsFile);
            File.WriteAllText(vs, Good("v1", 0));
            await using var host = await SoakHost.StartAsync(new FileSource([dir], new LoadOptions(), TimeProvider.System, TimeSpan.FromMilliseconds(20)));
            long Version() => host.State.Current.Snapshot.Version;
            bool RejectsVs() => host.Admin.Rejected.Any(d => d.Severity == Diagnostics.Severity.Error && d.Span.File.EndsWith(VsFile, StringComparison.Ordinal));

            // When each good config alone was live: from its version being seen to the next good write.
            var windows = new List<(long Start, long End, string Backend)> { (Stopwatch.GetTimestamp(), long.MaxValue, "shop v1") };
            var version = Version();
            var traffic = TimedTraffic.Start(host.ProxyUri, "shop");
            await using (traffic)
            {
                Assert.True(await traffic.WaitForMoreAsync(20));
                for (var i = 1; i <= Reloads; i++)
                {
                    if (i % 2 == 1)
                    {
                        var subset = i % 4 == 1 ? "v2" : "v1";
                        windows[^1] = windows[^1] with { End = Stopwatch.GetTimestamp() };
                        Replace(dir, vs, Good(subset, i));
                        Assert.True(await Eventually.TrueAsync(() => Version() > version && !RejectsVs()), $"good edit {i} never went live");
                        version = Version();
                        windows.Add((Stopwatch.GetTimestamp(), long.MaxValue, $"shop {subset}"));
                    }
                    else
                    {
                        Replace(dir, vs, Rejected[i / 2 % Rejected.Length]);
                        Assert.True(await Eventually.TrueAsync(RejectsVs), $"rejected edit {i} never showed among the rejections");
                        Assert.Equal(version, Version());
                    }
                    // The load keeps flowing across every edit.
                    Assert.True(await traffic.WaitForMoreAsync(10), $"no traffic after edit {i}");
                }
            }

            var answers = traffic.Answers.ToList();
            Assert.Empty(answers.Where(a => !a.Ok).Select(a => $"{a.Status}: {a.Answer}").Take(5));
            Assert.DoesNotContain(answers, a => a.Answer == "shop v3");
            var inWindow = answers.Select(a => (a, w: windows.FindLast(w => w.Start <= a.Start))).Where(x => x.w.Backend is not null && x.a.End <= x.w.End).ToList();
            Assert.Empty(inWindow.Where(x => x.a.Answer != x.w.Backend).Select(x => $"{x.a.Answer} answered while only {x.w.Backend} was live").Take(5));
            Assert.True(inWindow.Count >= Reloads * 10, $"only {inWindow.Count} of {answers.Count} answers fell inside one config's window");
        }
        finally
        {
            foreach (var b in backends) await b.DisposeAsync();
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>A complete file renamed over the watched one, as editors and kubectl-style tools save.</summary>
    private static void Replace(string dir, string path, string text)
    {
        var staged = Path.Combine(Path.GetDirectoryName(dir)!, Path.GetFileName(dir) + ".staged");
        File.WriteAllText(staged, text);
        File.Move(staged, path, overwrite: true);
    }
}
