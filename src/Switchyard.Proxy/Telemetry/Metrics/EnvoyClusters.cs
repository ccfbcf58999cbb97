using System.Text;
using Switchyard.Proxy.Runtime;

namespace Switchyard.Proxy.Telemetry.Metrics;

/// <summary>Envoy's per-cluster series as its Prometheus output names them
/// (<c>envoy_cluster_upstream_rq_active{cluster_name="outbound|80|v1|frontend..."}</c>), for every
/// cluster of the serving snapshot and every cluster a request named (a missing one too).</summary>
public static class EnvoyClusters
{
    private static readonly (string Name, string Type, Func<ClusterCounters, long?> Value)[] Series =
    [
        ("envoy_cluster_upstream_rq_active", "gauge", c => c.RqActive),
        ("envoy_cluster_upstream_rq_pending_active", "gauge", c => c.RqPendingActive),
        ("envoy_cluster_upstream_cx_active", "gauge", c => c.CxActive),
        ("envoy_cluster_upstream_rq_pending_overflow", "counter", c => c.RqPendingOverflow),
        ("envoy_cluster_upstream_rq_retry", "counter", c => c.RqRetry),
        ("envoy_cluster_upstream_rq_timeout", "counter", c => c.RqTimeout),
        ("envoy_cluster_outlier_detection_ejections_active", "gauge", c => c.EjectionsActive),
        ("envoy_cluster_outlier_detection_ejections_total", "counter", c => c.EjectionsTotal),
    ];

    public static void Write(StringBuilder text, IstioMetrics metrics, ProxyState state)
    {
        var counters = All(metrics, state);
        foreach (var (name, type, value) in Series)
        {
            PrometheusText.Family(text, name, type, "Envoy's cluster." + name["envoy_cluster_".Length..] + ".");
            foreach (var (cluster, c) in counters)
                if (value(c) is { } v) PrometheusText.Line(text, name, new LabelText().Add("cluster_name", cluster).ToString(), v);
        }
    }

    /// <summary>Each cluster's counters, by cluster name.</summary>
    public static SortedDictionary<string, ClusterCounters> All(IstioMetrics metrics, ProxyState state)
    {
        var names = new SortedSet<string>(state.Clusters.Keys, StringComparer.Ordinal);
        foreach (var d in metrics.Destinations)
            if (d.Service.ClusterName.Length > 0) names.Add(d.Service.ClusterName);
        var all = new SortedDictionary<string, ClusterCounters>(StringComparer.Ordinal);
        foreach (var name in names)
            all[name] = ClusterCounters.Of(state.Clusters.GetValueOrDefault(name), metrics.Of(name));
        return all;
    }
}
