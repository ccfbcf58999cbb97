using System.Text;
using Switchyard.Proxy.Runtime;
using Switchyard.Proxy.Telemetry.Metrics;

namespace Switchyard.Proxy.Admin;

/// <summary>Envoy's <c>GET /clusters</c> text: per endpoint <c>cluster::address::stat::value</c>
/// lines (cx_active is left out: the upstream client does not count connections per host), with
/// <c>health_flags</c> <c>healthy</c> or <c>/failed_outlier_check</c> for an ejected endpoint.</summary>
public static class ClustersText
{
    public static string Write(IstioMetrics metrics, ProxyState state)
    {
        var text = new StringBuilder();
        foreach (var (name, cluster) in state.Clusters.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var series = metrics.Of(name);
            foreach (var ep in cluster.Endpoints)
            {
                var (success, error) = series?.CountsOf(ep) ?? (0, 0);
                var prefix = $"{name}::{ep.Key}::";
                text.Append(prefix).Append("rq_active::").Append(ep.ActiveRequests).Append('\n');
                text.Append(prefix).Append("rq_success::").Append(success).Append('\n');
                text.Append(prefix).Append("rq_error::").Append(error).Append('\n');
                text.Append(prefix).Append("rq_total::").Append(success + error).Append('\n');
                text.Append(prefix).Append("weight::").Append(ep.LbWeight).Append('\n');
                text.Append(prefix).Append("health_flags::").Append(ep.IsEjected ? "/failed_outlier_check" : "healthy").Append('\n');
                if (ep.Endpoint.Locality is { } locality) text.Append(prefix).Append("region::").Append(locality).Append('\n');
            }
        }
        return text.ToString();
    }
}
