using System.Diagnostics;
using System.Globalization;
using Switchyard.Soak.Load;
using Switchyard.Soak.Proxy;

namespace Switchyard.Soak.Hostile;

/// <summary>
/// Issue 10, soak 4: against a real <c>switchyard run</c> (default connection cap, headers timeout
/// 10 s, body limit 1 MiB), <c>--idle</c> idle connections (default 20,000, from child processes),
/// <c>--slowloris</c> slowloris clients (500) and a stream of oversized requests, for
/// <c>--duration</c> (default 2 min) after the idle flood is open, while one well-behaved
/// keep-alive client sends requests back to back. Its failures and latency (alone first, then
/// under the flood) are reported, and the limits must answer 431, 408 and 413.
/// </summary>
internal static class HostileSoak
{
    public static async Task<int> RunAsync(SoakArgs args)
    {
        var idle = args.Int("--idle", 20_000);
        var slowClients = args.Int("--slowloris", 500);
        var duration = args.Duration("--duration", TimeSpan.FromMinutes(2));
        var work = SoakWork.Create(args, "hostile");
        var port = FreePort.Next();
        using var echo = await work.StartEchoAsync("echo.log", port);
        File.WriteAllText(Path.Combine(work.ConfigDir, "shop.yaml"), ShopYaml.Config([port]));
        using var proxy = await work.StartProxyAsync(
            "--request-headers-timeout", "10s", "--max-request-bytes", Oversized.MaxBody.ToString(CultureInfo.InvariantCulture));
        await using var memory = MemorySampler.ForProcess(proxy.Process.Pid, TimeSpan.FromSeconds(1));

        // The well-behaved client, alone for 10 s, then through the flood.
        var alone = new Latencies();
        var flooded = new Latencies();
        var floodOn = false;
        long failed = 0;
        string? firstFailure = null;
        var client = LoadLoop.Start(proxy.Uri, ShopYaml.Host, 1, s =>
        {
            (Volatile.Read(ref floodOn) ? flooded : alone).Add(s.Start, s.End);
            if (s.Ok) return;
            Interlocked.Increment(ref failed);
            Interlocked.CompareExchange(ref firstFailure, s.Describe(), null);
        });
        await Task.Delay(TimeSpan.FromSeconds(10));

        Volatile.Write(ref floodOn, true);
        using var stop = new CancellationTokenSource();
        var slowloris = new Slowloris();
        var oversized = new Oversized();
        var flood = IdleFlood.Start(proxy.Port, idle, 10_000);
        var slowTask = slowloris.RunAsync(proxy.Port, slowClients, TimeSpan.FromSeconds(1), stop.Token);
        var bigTask = oversized.RunAsync(proxy.Port, 20, stop.Token);
        var clock = Stopwatch.StartNew();
        while (flood.Counts() is var c && c.Opened + c.Failed < idle && clock.Elapsed < TimeSpan.FromMinutes(5)) await Task.Delay(500);
        var openAfter = clock.Elapsed;
        int overloaded = 0, readyProbes = 0;
        var held = Stopwatch.StartNew();
        while (held.Elapsed < duration)
        {
            readyProbes++;
            if ((await proxy.Admin.GetAsync("/ready")).StatusCode != System.Net.HttpStatusCode.OK) overloaded++;
            await Task.Delay(1000);
        }
        var (opened, refused, closed) = flood.Counts();
        var stats = proxy.Stats();
        stop.Cancel();
        await Task.WhenAll(slowTask, bigTask);
        flood.Dispose();
        await client.DisposeAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $$"""
            ## hostile
            idle flood: {{idle:N0}} connections attempted from {{(idle + 9_999) / 10_000}} processes, all attempted after {{openAfter.TotalSeconds:F0}} s; {{opened:N0}} connected, {{refused:N0}} failed to connect, {{closed:N0}} closed by the proxy (shed or refused at the cap), {{opened - closed:N0}} still open at the end ({{stats.Fds:N0}} fds in the proxy)
            /ready while flooded: 503 in {{overloaded}} of {{readyProbes}} probes (1 per second, held {{duration.TotalSeconds:F0}} s)
            slowloris: {{slowClients}} clients, {{slowloris.Connections:N0}} connections; answers {{string.Join(", ", slowloris.Answers.OrderBy(a => a.Key).Select(a => $"{(a.Key == 0 ? "closed unanswered" : a.Key.ToString(CultureInfo.InvariantCulture))}: {a.Value:N0}"))}}
            oversized: {{string.Join(", ", oversized.Answers.OrderBy(a => a.Key).Select(a => $"{a.Key}: {a.Value:N0}"))}}
            well-behaved client: {{alone.Count + flooded.Count:N0}} requests, {{failed}} failed{{(firstFailure is null ? "" : $" (first: {firstFailure})")}}
              alone (10 s): {{alone.Count:N0}} requests, {{alone}}
              through the flood ({{clock.Elapsed.TotalSeconds:F0}} s): {{flooded.Count:N0}} requests, {{flooded}}
            {{memory.Summary("proxy")}}
            """));
        var limitsAnswered = slowloris.Answers.ContainsKey(408) && oversized.Answers.Keys.Any(k => k.EndsWith("-> 431", StringComparison.Ordinal)) && oversized.Answers.Keys.Any(k => k.EndsWith("-> 413", StringComparison.Ordinal));
        return failed == 0 && limitsAnswered && !proxy.Process.HasExited ? 0 : 1;
    }
}
