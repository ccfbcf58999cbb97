using System.Text;
using System.Text.Json;
using Switchyard.Proxy.Runtime;
using Switchyard.Proxy.Telemetry.Metrics;

namespace Switchyard.Proxy.Admin;

/// <summary>
/// <c>GET /stats</c>: what the dashboard draws, as JSON. <c>stats</c> is Envoy's
/// <c>/stats?format=json</c> list (<c>cluster.NAME.upstream_rq_active</c>...); beside it the
/// request totals per destination (service, version), per service (success rate, p99), the
/// routes with their weights, and the snapshot version and rejected resources with file:line.
/// </summary>
public static class StatsJson
{
    public static string Write(IstioMetrics metrics, ProxyState state, AdminData admin)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", state.Snapshot.Version);
            StatsTraffic.Write(json, metrics);
            Clusters(json, metrics, state);
            StatsConfig.Write(json, state, admin);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Clusters(Utf8JsonWriter json, IstioMetrics metrics, ProxyState state)
    {
        var all = EnvoyClusters.All(metrics, state);
        json.WriteStartArray("stats");
        foreach (var (name, c) in all)
        {
            Stat(json, name, "upstream_rq_active", c.RqActive);
            Stat(json, name, "upstream_rq_pending_active", c.RqPendingActive);
            if (c.CxActive is { } cx) Stat(json, name, "upstream_cx_active", cx);
            Stat(json, name, "upstream_rq_pending_overflow", c.RqPendingOverflow);
            Stat(json, name, "upstream_rq_retry", c.RqRetry);
            Stat(json, name, "upstream_rq_timeout", c.RqTimeout);
            Stat(json, name, "outlier_detection.ejections_active", c.EjectionsActive);
            Stat(json, name, "outlier_detection.ejections_total", c.EjectionsTotal);
        }
        json.WriteEndArray();
        json.WriteStartArray("ejected");
        foreach (var (name, cluster) in state.Clusters.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            foreach (var ep in cluster.Endpoints)
                if (ep.IsEjected)
                {
                    json.WriteStartObject();
                    json.WriteString("cluster", name);
                    json.WriteString("endpoint", ep.Key);
                    json.WriteEndObject();
                }
        json.WriteEndArray();
    }

    private static void Stat(Utf8JsonWriter json, string cluster, string stat, long value)
    {
        json.WriteStartObject();
        json.WriteString("name", $"cluster.{cluster}.{stat}");
        json.WriteNumber("value", value);
        json.WriteEndObject();
    }
}
