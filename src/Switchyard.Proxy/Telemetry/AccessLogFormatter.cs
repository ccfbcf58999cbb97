using System.Globalization;

namespace Switchyard.Proxy.Telemetry;

/// <summary>
/// One line per request, shaped like Envoy's default access log:
/// <c>[start] "METHOD PATH PROTOCOL" STATUS FLAGS DURATION_MS "AUTHORITY" "UPSTREAM_HOST" CLUSTER ROUTE</c>.
/// </summary>
public static class AccessLogFormatter
{
    public static string Format(RequestOutcome o) =>
        string.Create(CultureInfo.InvariantCulture,
            $"[{o.StartTime:yyyy-MM-ddTHH:mm:ss.fffZ}] \"{o.Method} {o.Path} {o.Protocol}\" {o.Status} {o.Flags} {(long)o.Duration.TotalMilliseconds} \"{o.Authority}\" \"{o.UpstreamHost ?? "-"}\" {o.UpstreamCluster ?? "-"} {o.RouteName ?? "-"}");
}
