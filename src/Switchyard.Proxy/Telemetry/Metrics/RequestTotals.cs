namespace Switchyard.Proxy.Telemetry.Metrics;

/// <summary>One label set's counters summed over cores and over the endpoints that share its
/// labels: what one exposition line (or one dashboard row) shows.</summary>
public sealed class RequestTotals
{
    public long Count { get; private set; }
    public long DurationMicros { get; private set; }
    public long RequestBytes { get; private set; }
    public long ResponseBytes { get; private set; }
    public long[] Buckets { get; } = new long[RequestSeries.ResponseBytesBuckets + HistogramBuckets.Count];

    public void Add(RequestSeries series)
    {
        var cells = series.Cells;
        Count += cells.Sum(RequestSeries.Count);
        DurationMicros += cells.Sum(RequestSeries.DurationMicrosSum);
        RequestBytes += cells.Sum(RequestSeries.RequestBytesSum);
        ResponseBytes += cells.Sum(RequestSeries.ResponseBytesSum);
        for (var i = RequestSeries.DurationBuckets; i < Buckets.Length; i++) Buckets[i] += cells.Sum(i);
    }

    /// <summary>Every label set with its totals, in a stable order (by label text).</summary>
    public static IReadOnlyList<(string Labels, RequestTotals Totals)> Merge(IstioMetrics metrics)
    {
        var byLabels = new SortedDictionary<string, RequestTotals>(StringComparer.Ordinal);
        foreach (var destination in metrics.Destinations)
        {
            foreach (var series in destination.All)
            {
                if (!byLabels.TryGetValue(series.Labels, out var totals)) byLabels[series.Labels] = totals = new RequestTotals();
                totals.Add(series);
            }
        }
        return byLabels.Select(kv => (kv.Key, kv.Value)).ToList();
    }
}
