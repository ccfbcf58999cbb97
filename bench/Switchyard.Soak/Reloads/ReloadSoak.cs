using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Switchyard.Soak.Load;
using Switchyard.Soak.Proxy;

namespace Switchyard.Soak.Reloads;

/// <summary>
/// Issue 10, soak 1: <c>--reloads</c> config edits (default 1,000), alternating a good edit (all
/// traffic to v1, then v2, ...) and a rejected one (four kinds, each aimed at v3), under
/// continuous load through a real <c>switchyard run</c> process. Each edit is renamed into place
/// as editors and kubectl-style tools save; the next edit waits until the proxy shows this one
/// (a new version on /config_dump, or the file's error on /rejected). Zero failed requests and
/// the last good config always served are checked on every answer.
/// </summary>
internal static class ReloadSoak
{
    public static async Task<int> RunAsync(SoakArgs args)
    {
        var reloads = args.Int("--reloads", 1000);
        var workers = args.Int("--workers", 4);
        var work = SoakWork.Create(args, "reloads");
        int[] ports = [FreePort.Next(), FreePort.Next(), FreePort.Next()];
        var names = ports.Select(p => $"backend 127.0.0.1:{p}").ToArray();
        using var echo = await work.StartEchoAsync("echo.log", ports);
        File.WriteAllText(Path.Combine(work.ConfigDir, "shop-endpoints.yaml"), ReloadYaml.Endpoints(ports));
        var vs = Path.Combine(work.ConfigDir, "shop-vs.yaml");
        File.WriteAllText(vs, ReloadYaml.Good("v1", 0));

        using var proxy = await work.StartProxyAsync();
        await using var memory = MemorySampler.ForProcess(proxy.Process.Pid, TimeSpan.FromSeconds(1));
        var windows = new ServedWindows();
        windows.Open(Stopwatch.GetTimestamp(), names[0]);
        long failed = 0, rejectedServed = 0, staleServed = 0;
        var firstProblems = new ConcurrentQueue<string>();
        void Problem(ref long counter, string what) { Interlocked.Increment(ref counter); if (firstProblems.Count < 10) firstProblems.Enqueue(what); }

        var load = LoadLoop.Start(proxy.Uri, ReloadYaml.Host, workers, s =>
        {
            if (!s.Ok) Problem(ref failed, "failed: " + s.Describe());
            else if (s.Backend == names[2]) Problem(ref rejectedServed, "a rejected config answered");
            else if (windows.Expected(s.Start, s.End) is { } expected && expected != s.Backend)
                Problem(ref staleServed, $"{s.Backend} answered while only {expected} was live");
        });
        var clock = Stopwatch.StartNew();
        var applyMs = new List<double>();
        long version = await proxy.ConfigVersionAsync(), firstVersion = version;
        int good = 0, rejected = 0;
        for (var i = 1; i <= reloads; i++)
        {
            var written = Stopwatch.GetTimestamp();
            if (i % 2 == 1)
            {
                var subset = good % 2 == 0 ? 1 : 0; // v2, v1, v2, ...
                windows.CloseLast(written);
                Replace(work.Dir, vs, ReloadYaml.Good($"v{subset + 1}", i));
                await WaitAsync(async () => await proxy.ConfigVersionAsync() > version && !await RejectsAsync(proxy), $"edit {i} (good) never went live");
                version = await proxy.ConfigVersionAsync();
                windows.Open(Stopwatch.GetTimestamp(), names[subset]);
                good++;
            }
            else
            {
                Replace(work.Dir, vs, ReloadYaml.Rejected(i / 2));
                await WaitAsync(() => RejectsAsync(proxy), $"edit {i} (rejected) never showed on /rejected");
                if (await proxy.ConfigVersionAsync() != version) throw new InvalidOperationException($"edit {i} (rejected) changed the config version");
                rejected++;
            }
            applyMs.Add(Stopwatch.GetElapsedTime(written).TotalMilliseconds);
            if (i % 100 == 0) Console.Error.WriteLine($"reloads: {i}/{reloads} after {clock.Elapsed.TotalSeconds:F0} s, {load.Latencies.Count:N0} requests, {failed} failed");
        }
        await Task.Delay(TimeSpan.FromSeconds(2)); // load on the last config too
        await load.DisposeAsync();
        var requests = load.Latencies.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $$"""
            ## reloads
            edits: {{reloads}} ({{good}} good, went live; {{rejected}} rejected, each shown on /rejected) in {{clock.Elapsed.TotalMinutes:F1}} min; config version {{firstVersion}} -> {{version}}
            load: {{workers}} keep-alive clients, {{requests:N0}} requests ({{requests / clock.Elapsed.TotalSeconds:N0}}/s); latency {{load.Latencies}}
            failed requests: {{failed}}; answered by a rejected config: {{rejectedServed}}; answered by a replaced config after its successor was live: {{staleServed}}
            edit -> visible on the admin API: mean {{applyMs.Average():F0}} ms, max {{applyMs.Max():F0}} ms
            {{memory.Summary("proxy")}}
            """));
        foreach (var p in firstProblems) Console.WriteLine("  " + p);
        return failed + rejectedServed + staleServed == 0 ? 0 : 1;
    }

    /// <summary>A complete file written beside the directory, then renamed over the watched one.</summary>
    private static void Replace(string work, string path, string text)
    {
        var staged = Path.Combine(work, "staged.tmp");
        File.WriteAllText(staged, text);
        File.Move(staged, path, overwrite: true);
    }

    private static async Task<bool> RejectsAsync(ProxyProcess proxy)
    {
        using var json = JsonDocument.Parse(await proxy.Admin.GetStringAsync("/rejected"));
        return json.RootElement.EnumerateArray().Any(r => r.GetProperty("level").GetString() == "Error"
            && r.TryGetProperty("file", out var f) && f.GetString()?.EndsWith("shop-vs.yaml", StringComparison.Ordinal) == true);
    }

    private static async Task WaitAsync(Func<Task<bool>> done, string failure)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new InvalidOperationException(failure);
            await Task.Delay(10);
        }
    }
}
