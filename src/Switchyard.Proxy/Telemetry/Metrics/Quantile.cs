namespace Switchyard.Proxy.Telemetry.Metrics;

/// <summary>A quantile from histogram buckets as Prometheus' <c>histogram_quantile</c> computes
/// it: find the bucket the rank falls in and interpolate linearly inside it (the +Inf bucket
/// answers its lower bound).</summary>
public static class Quantile
{
    /// <param name="buckets">Per-bucket (not cumulative) counts, <see cref="HistogramBuckets.Count"/> of them.</param>
    public static double Of(double q, ReadOnlySpan<long> buckets)
    {
        long total = 0;
        foreach (var b in buckets) total += b;
        if (total == 0) return 0;
        var rank = q * total;
        long cumulative = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            var before = cumulative;
            cumulative += buckets[i];
            if (cumulative < rank) continue;
            var lower = i == 0 ? 0 : HistogramBuckets.Bounds[i - 1];
            if (i >= HistogramBuckets.Bounds.Length) return lower;
            var upper = HistogramBuckets.Bounds[i];
            return lower + (upper - lower) * ((rank - before) / buckets[i]);
        }
        return HistogramBuckets.Bounds[^1];
    }
}
