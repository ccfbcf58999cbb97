using Switchyard.Proxy.Runtime;

namespace Switchyard.Proxy.Telemetry.Metrics;

/// <summary>Envoy's per-cluster series (<c>envoy_cluster_*</c> under <c>/stats/prometheus</c>) for
/// one cluster, read at scrape time from its runtime parts and from the request series: nothing
/// on the request path counts them twice.</summary>
public sealed record ClusterCounters(
    long RqActive,
    long RqPendingActive,
    long? CxActive,
    long RqPendingOverflow,
    long RqRetry,
    long RqTimeout,
    long EjectionsActive,
    long EjectionsTotal)
{
    public static ClusterCounters Of(ClusterRuntime? cluster, DestinationSeries? series)
    {
        long active = 0, ejected = 0, ejections = 0;
        var parts = cluster?.Parts;
        foreach (var ep in parts?.Endpoints ?? [])
        {
            active += ep.ActiveRequests;
            if (ep.IsEjected) ejected++;
            ejections += parts!.Outlier?.TimesEjected(ep) ?? 0;
        }
        long overflow = 0, retries = 0, timeouts = 0;
        foreach (var s in series?.All ?? [])
        {
            var n = s.Cells.Sum(RequestSeries.Count);
            if (s.Key.Flags.HasFlag(ResponseFlags.UpstreamOverflow)) overflow += n;
            if (s.Key.Flags.HasFlag(ResponseFlags.UpstreamRequestTimeout)) timeouts += n;
            retries += s.Cells.Sum(RequestSeries.Retries);
        }
        // Connections are counted only by the circuit breaker, which exists when a pool limit is set.
        return new(active, parts?.Pool?.PendingRequests ?? 0, parts?.Pool?.ActiveConnections, overflow, retries, timeouts, ejected, ejections);
    }
}
