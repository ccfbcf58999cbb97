using System.Diagnostics;
using System.Globalization;
using Switchyard.Cli;
using Switchyard.Soak.Proxy;
using Switchyard.Tests.Fuzz;
using Switchyard.Tests.Loading;

namespace Switchyard.Soak.Fuzz;

/// <summary>
/// Issue 10, soak 2: <c>--docs</c> fuzzed documents (default 1,000,000) through
/// <c>switchyard validate -f -</c>, in-process through <see cref="CliApp.Run"/> (the command's own
/// code path, stdin decoded as the console does) so a million runs take minutes, not a million
/// process starts. Every document must get a verdict (exit 0 valid, 1 invalid, 2 unreadable or
/// empty) without an exception reaching the command line's handler, none may take over 1 s, and
/// memory must stay flat. One worker per core; a watchdog names any document still running after 1 s.
/// </summary>
internal static class FuzzSoak
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(1);

    public static int Run(SoakArgs args)
    {
        var docs = args.Int("--docs", 1_000_000);
        var seed = args.Int("--seed", 1);
        var workers = args.Int("--workers", Environment.ProcessorCount);
        var seeds = FuzzCorpus.Seeds();
        var verdicts = new long[3];
        long crashes = 0, slow = 0, bytes = 0, worstTicks = 0, worstDoc = -1, next = -1;
        var running = new long[workers]; // start timestamp of each worker's document, 0 when idle
        var current = new long[workers];
        string? firstCrash = null;
        // Warm-up, not counted: each seed once, so the JIT's first compilations are not a "slow document".
        foreach (var text in seeds) CliApp.Run(["validate", "-f", "-"], new StringWriter(), new StringWriter(), new StringReader(text));
        var clock = Stopwatch.StartNew();
        using var memory = new MemorySampler(() => ProcessStats.Read(Environment.ProcessId), TimeSpan.FromSeconds(5));
        using var watchdog = new Timer(_ =>
        {
            for (var w = 0; w < workers; w++)
            {
                var start = Volatile.Read(ref running[w]);
                if (start != 0 && Stopwatch.GetElapsedTime(start) > Slow)
                    Console.Error.WriteLine($"fuzz: document {Volatile.Read(ref current[w])} still running after {Stopwatch.GetElapsedTime(start).TotalSeconds:F1} s");
            }
        }, null, Slow, Slow);

        var threads = Enumerable.Range(0, workers).Select(w => new Thread(() =>
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            long n;
            while ((n = Interlocked.Increment(ref next)) < docs)
            {
                var doc = FuzzedDocument.Make(seeds, seed, n);
                stdout.GetStringBuilder().Clear();
                stderr.GetStringBuilder().Clear();
                Volatile.Write(ref current[w], n);
                var start = Stopwatch.GetTimestamp();
                Volatile.Write(ref running[w], start);
                int exit;
                try
                {
                    using var stdin = new StreamReader(new MemoryStream(doc));
                    exit = CliApp.Run(["validate", "-f", "-"], stdout, stderr, stdin);
                }
                catch (Exception ex)
                {
                    exit = -1;
                    stderr.Write("Unhandled exception: " + ex);
                }
                var ticks = Stopwatch.GetTimestamp() - start;
                Volatile.Write(ref running[w], 0);
                Interlocked.Add(ref bytes, doc.Length);
                if (ticks > Slow.TotalSeconds * Stopwatch.Frequency) Interlocked.Increment(ref slow);
                lock (verdicts) if (ticks > worstTicks) (worstTicks, worstDoc) = (ticks, n);
                var err = stderr.ToString();
                if (exit is < 0 or > 2 || err.Contains("Unhandled exception", StringComparison.Ordinal) || err.Contains("   at ", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref crashes);
                    Interlocked.CompareExchange(ref firstCrash, $"document {n} (--seed {seed}): exit {exit}\n{err}", null);
                }
                else Interlocked.Increment(ref verdicts[exit]);
                if (n % 100_000 == 0 && n > 0)
                    Console.Error.WriteLine($"fuzz: {n:N0} documents after {clock.Elapsed.TotalSeconds:F0} s");
            }
        }) { IsBackground = true, Name = $"fuzz-{w}" }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $$"""
            ## fuzz
            documents: {{docs:N0}} ({{bytes / 1048576.0:F0}} MB) from {{seeds.Count}} seed documents, --seed {{seed}}, {{workers}} threads, in {{seconds:F0}} s = {{docs / seconds:N0}} documents/s
            verdicts: {{verdicts[0]:N0}} valid (exit 0), {{verdicts[1]:N0}} invalid (exit 1), {{verdicts[2]:N0}} unreadable or empty (exit 2); crashes: {{crashes}}
            slowest document: {{worstTicks * 1000.0 / Stopwatch.Frequency:F1}} ms (number {{worstDoc}}); over 1 s: {{slow}}
            {{memory.Summary("validate process")}}
            """));
        if (firstCrash is not null) Console.WriteLine(firstCrash);
        return crashes + slow == 0 ? 0 : 1;
    }
}
