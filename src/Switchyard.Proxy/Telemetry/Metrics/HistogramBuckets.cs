namespace Switchyard.Proxy.Telemetry.Metrics;

/// <summary>
/// Envoy's default histogram buckets (Stats::HistogramSettingsImpl::defaultBuckets), which Istio
/// keeps for <c>istio_request_duration_milliseconds</c>, <c>istio_request_bytes</c> and
/// <c>istio_response_bytes</c> unless <c>sidecar.istio.io/statsHistogramBuckets</c> says otherwise.
/// Observations are counted per bucket (not cumulatively) and summed up only when scraped.
/// </summary>
public static class HistogramBuckets
{
    /// <summary>Upper bounds as Envoy prints them in the <c>le</c> label.</summary>
    public static readonly double[] Bounds = [0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000];

    /// <summary>Buckets per histogram: one per bound, and +Inf.</summary>
    public static readonly int Count = Bounds.Length + 1;

    // A whole-number observation v is <= bound b exactly when v <= floor(b): bytes compare with
    // these, durations (kept in microseconds) with the bounds times 1000.
    private static readonly long[] WholeBounds = Array.ConvertAll(Bounds, b => (long)Math.Floor(b));
    private static readonly long[] MicrosecondBounds = Array.ConvertAll(Bounds, b => (long)(b * 1000));

    /// <summary>The bucket of a byte count.</summary>
    public static int OfBytes(long bytes) => IndexOf(WholeBounds, bytes);

    /// <summary>The bucket of a duration in microseconds (the bounds are milliseconds).</summary>
    public static int OfMicroseconds(long micros) => IndexOf(MicrosecondBounds, micros);

    private static int IndexOf(long[] bounds, long value)
    {
        var i = 0;
        while (i < bounds.Length && value > bounds[i]) i++;
        return i;
    }
}
