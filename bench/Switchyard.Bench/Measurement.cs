using System.Diagnostics;
using System.Globalization;

namespace Switchyard.Bench;

/// <summary>One warm-up run, then measured runs; reports the median time and allocations.</summary>
internal static class Measurement
{
    public sealed record Result(string Name, double MedianMs, double AllocatedMb, int Items)
    {
        public double ItemsPerSecond => Items / (MedianMs / 1000.0);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Name,-10} median {MedianMs,9:F1} ms  {ItemsPerSecond,12:N0} resources/s  {AllocatedMb,9:F1} MB allocated/run");
    }

    public static Result Run<T>(string name, int items, int runs, Func<T> body)
    {
        GC.KeepAlive(body()); // warm-up: JIT, type shapes, file cache
        var times = new double[runs];
        var allocated = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(body());
            watch.Stop();
            times[i] = watch.Elapsed.TotalMilliseconds;
            allocated[i] = (GC.GetTotalAllocatedBytes(precise: true) - before) / (1024.0 * 1024.0);
        }
        return new Result(name, Median(times), Median(allocated), items);
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
