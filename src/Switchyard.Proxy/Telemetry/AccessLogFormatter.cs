using System.Globalization;
using System.Text;

namespace Switchyard.Proxy.Telemetry;

/// <summary>
/// Istio's default TEXT access log line (meshConfig.accessLogFormat unset), which is Envoy's
/// default format with the upstream cluster, addresses and route name appended:
/// <c>[%START_TIME%] "%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%" %RESPONSE_CODE%
/// %RESPONSE_FLAGS% %RESPONSE_CODE_DETAILS% %CONNECTION_TERMINATION_DETAILS%
/// "%UPSTREAM_TRANSPORT_FAILURE_REASON%" %BYTES_RECEIVED% %BYTES_SENT% %DURATION%
/// %RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)% "%REQ(X-FORWARDED-FOR)%" "%REQ(USER-AGENT)%"
/// "%REQ(X-REQUEST-ID)%" "%REQ(:AUTHORITY)%" "%UPSTREAM_HOST%" %UPSTREAM_CLUSTER_RAW%
/// %UPSTREAM_LOCAL_ADDRESS% %DOWNSTREAM_LOCAL_ADDRESS% %DOWNSTREAM_REMOTE_ADDRESS%
/// %REQUESTED_SERVER_NAME% %ROUTE_NAME%</c>. Envoy prints "-" for a value it does not have.
/// </summary>
public static class AccessLogFormatter
{
    public static string Format(RequestOutcome o)
    {
        var b = new StringBuilder(256);
        b.Append('[').Append(StartTime(o)).Append("] \"")
            .Append(o.Method).Append(' ').Append(o.Path).Append(' ').Append(o.Protocol).Append("\" ")
            .Append(o.Status).Append(' ').Append(ResponseFlagsFormatter.Format(o.Flags)).Append(' ')
            .Append(Dash(o.ResponseCodeDetails)).Append(" - \"-\" ")
            .Append(o.BytesReceived).Append(' ').Append(o.BytesSent).Append(' ').Append(DurationMs(o)).Append(" - \"")
            .Append(Dash(o.ForwardedFor)).Append("\" \"").Append(Dash(o.UserAgent)).Append("\" \"").Append(Dash(o.RequestId)).Append("\" \"")
            .Append(Dash(o.Authority)).Append("\" \"").Append(Dash(o.UpstreamHost)).Append("\" ")
            .Append(Dash(o.UpstreamCluster)).Append(" - ")
            .Append(Dash(o.DownstreamLocalAddress)).Append(' ').Append(Dash(o.DownstreamRemoteAddress)).Append(" - ")
            .Append(Dash(o.RouteName));
        return b.ToString();
    }

    /// <summary>%START_TIME%'s default rendering: ISO 8601 UTC with milliseconds.</summary>
    internal static string StartTime(RequestOutcome o) =>
        o.StartTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>%DURATION%: whole milliseconds from the first request byte to the last response byte.</summary>
    internal static long DurationMs(RequestOutcome o) => (long)o.Duration.TotalMilliseconds;

    private static string Dash(string? value) => string.IsNullOrEmpty(value) ? "-" : value;
}
