using System.Text;
using System.Text.Json;
using Switchyard.Proxy.Runtime;
using Switchyard.Proxy.Telemetry.Metrics;

namespace Switchyard.Proxy.Admin;

/// <summary>Envoy's <c>GET /clusters?format=json</c> (admin.v3.Clusters), the shape
/// <c>istioctl proxy-config endpoints</c> reads: <c>cluster_statuses[].host_statuses[]</c> with
/// the address, the rq_* stats and <c>health_status</c> (<c>eds_health_status</c>, and
/// <c>failed_outlier_check</c> when outlier detection ejected the endpoint).</summary>
public static class ClustersJson
{
    public static string Write(IstioMetrics metrics, ProxyState state)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("cluster_statuses");
            foreach (var (name, cluster) in state.Clusters.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteStartArray("host_statuses");
                var series = metrics.Of(name);
                foreach (var ep in cluster.Endpoints) Host(json, ep, series);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Host(Utf8JsonWriter json, LoadBalancing.EndpointState ep, DestinationSeries? series)
    {
        var (success, error) = series?.CountsOf(ep) ?? (0, 0);
        json.WriteStartObject();
        json.WriteStartObject("address");
        json.WriteStartObject("socket_address");
        json.WriteString("address", ep.Endpoint.Address);
        json.WriteNumber("port_value", ep.Endpoint.Port);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("stats");
        foreach (var (stat, value) in new[] { ("rq_active", (long)ep.ActiveRequests), ("rq_success", success), ("rq_error", error), ("rq_total", success + error) })
        {
            json.WriteStartObject();
            json.WriteString("name", stat);
            json.WriteNumber("value", value);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("health_status");
        json.WriteString("eds_health_status", "HEALTHY");
        if (ep.IsEjected) json.WriteBoolean("failed_outlier_check", true);
        json.WriteEndObject();
        json.WriteNumber("weight", ep.LbWeight);
        if (ep.Endpoint.Locality is { } locality) json.WriteString("locality", locality);
        json.WriteEndObject();
    }
}
