using System.Diagnostics;
using System.Globalization;

namespace Switchyard.Soak.Load;

/// <summary>Request latencies in 0.1 ms buckets up to 60 s (the last bucket holds the rest), and the exact worst one.</summary>
internal sealed class Latencies
{
    private const int Buckets = 600_000;
    private readonly long[] _counts = new long[Buckets];
    private long _maxTicks;
    private long _total;

    public void Add(long startTicks, long endTicks)
    {
        var ticks = endTicks - startTicks;
        var bucket = (int)Math.Min(Buckets - 1, ticks * 10_000 / Stopwatch.Frequency);
        Interlocked.Increment(ref _counts[bucket]);
        Interlocked.Increment(ref _total);
        long seen;
        while (ticks > (seen = Volatile.Read(ref _maxTicks)) && Interlocked.CompareExchange(ref _maxTicks, ticks, seen) != seen) { }
    }

    public long Count => Volatile.Read(ref _total);

    public double MaxMs => Volatile.Read(ref _maxTicks) * 1000.0 / Stopwatch.Frequency;

    public double PercentileMs(double p)
    {
        var target = (long)Math.Ceiling(Count * p / 100.0);
        long seen = 0;
        for (var i = 0; i < Buckets; i++)
            if ((seen += Volatile.Read(ref _counts[i])) >= target && target > 0) return (i + 1) / 10.0;
        return 0;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"p50 {PercentileMs(50):F1} ms, p99 {PercentileMs(99):F1} ms, p99.9 {PercentileMs(99.9):F1} ms, max {MaxMs:F1} ms");
}
