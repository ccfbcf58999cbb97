namespace Switchyard.Proxy.Telemetry.Metrics;

/// <summary>
/// The counters of one label set: Istio's request count and its three histograms (duration in
/// ms, request and response bytes), plus the retries its requests made (Envoy's
/// <c>upstream_rq_retry</c>). Each observation adds to per-bucket counters of this core's row
/// (<see cref="StripedCells"/>); cumulative buckets are summed only when scraped.
/// </summary>
public sealed class RequestSeries
{
    public const int Count = 0, DurationMicrosSum = 1, RequestBytesSum = 2, ResponseBytesSum = 3, Retries = 4;
    public static readonly int DurationBuckets = 5;
    public static readonly int RequestBytesBuckets = DurationBuckets + HistogramBuckets.Count;
    public static readonly int ResponseBytesBuckets = RequestBytesBuckets + HistogramBuckets.Count;

    public RequestSeries(SeriesKey key, string labels)
    {
        Key = key;
        Labels = labels;
    }

    /// <summary>The endpoint, code, flags and gRPC status this series counts.</summary>
    public SeriesKey Key { get; }

    /// <summary>The label set, <c>reporter="source",...</c>, without braces.</summary>
    public string Labels { get; }

    public StripedCells Cells { get; } = new(ResponseBytesBuckets + HistogramBuckets.Count);

    public void Observe(long micros, long requestBytes, long responseBytes, int attempts)
    {
        ref var row = ref Cells.Row();
        StripedCells.Add(ref row, Count, 1);
        StripedCells.Add(ref row, DurationMicrosSum, micros);
        StripedCells.Add(ref row, DurationBuckets + HistogramBuckets.OfMicroseconds(micros), 1);
        StripedCells.Add(ref row, RequestBytesSum, requestBytes);
        StripedCells.Add(ref row, RequestBytesBuckets + HistogramBuckets.OfBytes(requestBytes), 1);
        StripedCells.Add(ref row, ResponseBytesSum, responseBytes);
        StripedCells.Add(ref row, ResponseBytesBuckets + HistogramBuckets.OfBytes(responseBytes), 1);
        if (attempts > 1) StripedCells.Add(ref row, Retries, attempts - 1);
    }
}
