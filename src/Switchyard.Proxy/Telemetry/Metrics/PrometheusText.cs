using System.Globalization;
using System.Text;
using Switchyard.Proxy.Admin;
using Switchyard.Proxy.Runtime;

namespace Switchyard.Proxy.Telemetry.Metrics;

/// <summary>
/// <c>GET /stats/prometheus</c>: the Prometheus text exposition format 0.0.4, as Envoy's admin
/// serves it to Istio's scrapers: Istio's standard metrics, Envoy's per-cluster series and the
/// config pipeline's. Rendered only when scraped; series that differ only by endpoint (same
/// version) are one line, as Envoy's stats never name the host.
/// </summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IstioMetrics metrics, ProxyState state, AdminData admin)
    {
        var text = new StringBuilder();
        var merged = RequestTotals.Merge(metrics);
        Family(text, "istio_requests_total", "counter", "Requests, by Istio's standard labels.");
        foreach (var (labels, t) in merged) Line(text, "istio_requests_total", labels, t.Count);
        Histogram(text, merged, "istio_request_duration_milliseconds", "Request duration in milliseconds.", RequestSeries.DurationBuckets, t => t.DurationMicros / 1000.0);
        Histogram(text, merged, "istio_request_bytes", "Request body sizes in bytes.", RequestSeries.RequestBytesBuckets, t => t.RequestBytes);
        Histogram(text, merged, "istio_response_bytes", "Response body sizes in bytes.", RequestSeries.ResponseBytesBuckets, t => t.ResponseBytes);
        EnvoyClusters.Write(text, metrics, state);
        Config(text, state, admin);
        return text.ToString();
    }

    private static void Histogram(StringBuilder text, IReadOnlyList<(string Labels, RequestTotals Totals)> merged, string name, string help, int first, Func<RequestTotals, double> sum)
    {
        Family(text, name, "histogram", help);
        foreach (var (labels, t) in merged)
        {
            long cumulative = 0;
            for (var b = 0; b < HistogramBuckets.Count; b++)
            {
                cumulative += t.Buckets[first + b];
                var le = b < HistogramBuckets.Bounds.Length ? Number(HistogramBuckets.Bounds[b]) : "+Inf";
                Line(text, name + "_bucket", labels + ",le=\"" + le + "\"", cumulative);
            }
            Line(text, name + "_sum", labels, sum(t));
            Line(text, name + "_count", labels, t.Count);
        }
    }

    private static void Config(StringBuilder text, ProxyState state, AdminData admin)
    {
        Family(text, "switchyard_config_snapshot_version", "gauge", "Version of the config snapshot serving.");
        Line(text, "switchyard_config_snapshot_version", "", state.Snapshot.Version);
        Family(text, "switchyard_config_rejected_resources", "gauge", "Resources refused or left out of the serving snapshot.");
        Line(text, "switchyard_config_rejected_resources", "", admin.Rejected.Count);
        Family(text, "switchyard_config_reload_duration_milliseconds", "summary", "Time to translate and publish each snapshot.");
        Line(text, "switchyard_config_reload_duration_milliseconds_sum", "", admin.Reloads.TotalMilliseconds);
        Line(text, "switchyard_config_reload_duration_milliseconds_count", "", admin.Reloads.Count);
    }

    public static void Family(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    public static void Line(StringBuilder text, string name, string labels, double value)
    {
        text.Append(name);
        if (labels.Length > 0) text.Append('{').Append(labels).Append('}');
        text.Append(' ').Append(Number(value)).Append('\n');
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
