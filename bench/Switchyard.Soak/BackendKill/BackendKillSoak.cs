using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Switchyard.Soak.Load;
using Switchyard.Soak.Proxy;

namespace Switchyard.Soak.BackendKill;

/// <summary>
/// Issue 10, soak 3: for <c>--duration</c> (default 30 min), one of three echo backends — a real
/// <c>switchyard echo</c> process — is killed with SIGKILL every <c>--kill-every</c> (1 s) and
/// restarted on its port at once, under continuous load through a real <c>switchyard run</c>.
/// Only requests in flight on it when it died may fail; outlier detection must eject it (no
/// traffic while it is up again) and return it (traffic again later); the proxy's memory and
/// open files must stay flat.
/// </summary>
internal static class BackendKillSoak
{
    public static async Task<int> RunAsync(SoakArgs args)
    {
        var duration = args.Duration("--duration", TimeSpan.FromMinutes(30));
        var every = args.Duration("--kill-every", TimeSpan.FromSeconds(1));
        var workers = args.Int("--workers", 4);
        var work = SoakWork.Create(args, "kill");
        int[] ports = [FreePort.Next(), FreePort.Next(), FreePort.Next()];
        var victimName = $"backend 127.0.0.1:{ports[2]}";
        using var stable = await work.StartEchoAsync("stable.log", ports[0], ports[1]);
        var victim = await work.StartEchoAsync("victim.log", ports[2]);
        File.WriteAllText(Path.Combine(work.ConfigDir, "shop.yaml"), ShopYaml.Config(ports));

        using var proxy = await work.StartProxyAsync();
        await using var memory = MemorySampler.ForProcess(proxy.Process.Pid, TimeSpan.FromSeconds(5));
        var cycles = new KillCycles();
        long inFlight = 0, outside = 0, victimServed = 0;
        var firstOutside = new ConcurrentQueue<string>();
        var load = LoadLoop.Start(proxy.Uri, ShopYaml.Host, workers, s =>
        {
            if (s.Ok)
            {
                if (s.Backend != victimName) return;
                Interlocked.Increment(ref victimServed);
                cycles.VictimServed(s.End);
            }
            else if (cycles.InFlightAtKill(s.Start, s.End)) Interlocked.Increment(ref inFlight);
            else
            {
                Interlocked.Increment(ref outside);
                if (firstOutside.Count < 10) firstOutside.Enqueue($"{s.Describe()}: {cycles.Relative(s.Start, s.End)}");
            }
        });

        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(every);
        while (clock.Elapsed < duration && await timer.WaitForNextTickAsync())
        {
            var cycle = cycles.Killing(Stopwatch.GetTimestamp());
            victim.Kill();
            victim.Dispose();
            cycles.Killed(cycle, Stopwatch.GetTimestamp());
            victim = await work.StartEchoAsync("victim.log", ports[2]);
            cycles.Up(cycle, Stopwatch.GetTimestamp());
            if (proxy.Process.HasExited) throw new InvalidOperationException($"the proxy exited; see {proxy.Log}");
            if ((int)clock.Elapsed.TotalSeconds % 60 == 0)
                Console.Error.WriteLine($"backend-kill: {clock.Elapsed.TotalMinutes:F0} min, {load.Latencies.Count:N0} requests, {inFlight} failed in flight, {outside} failed otherwise, RSS {proxy.Stats().RssKb / 1024} MB");
        }
        await load.DisposeAsync();
        victim.Dispose();
        var requests = load.Latencies.Count;
        var (n, ejected, returned, longest, down) = cycles.Summary(Stopwatch.GetTimestamp());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $$"""
            ## backend-kill
            duration: {{clock.Elapsed.TotalMinutes:F1}} min; victim killed (SIGKILL) and restarted {{n}} times, every {{every.TotalSeconds:F1}} s; mean time to accept again {{down.TotalMilliseconds:F0}} ms
            load: {{workers}} keep-alive clients, {{requests:N0}} requests ({{requests / clock.Elapsed.TotalSeconds:N0}}/s), {{victimServed:N0}} answered by the victim; latency {{load.Latencies}}
            failed requests: {{inFlight + outside}}: {{inFlight}} in flight while the victim died, {{outside}} otherwise
            outlier detection: in {{ejected}} of {{n}} cycles the restarted victim got no request for >= {{KillCycles.EjectedGap.TotalMilliseconds:F0}} ms (ejected); {{returned}} of those were followed by traffic to it again (returned); longest time without an answer from it {{cycles.LongestWithoutVictim.TotalSeconds:F1}} s
            {{memory.Summary("proxy")}}
            """));
        foreach (var f in firstOutside) Console.WriteLine("  " + f);
        return outside == 0 && ejected > 0 && returned > 0 ? 0 : 1;
    }
}
