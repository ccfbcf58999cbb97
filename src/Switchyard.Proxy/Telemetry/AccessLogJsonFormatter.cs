using System.Text;
using System.Text.Json;

namespace Switchyard.Proxy.Telemetry;

/// <summary>
/// Istio's JSON access log (meshConfig.accessLogEncoding: JSON): the same operators as the text
/// line, under Istio's keys; numbers as numbers, missing values as null.
/// </summary>
public static class AccessLogJsonFormatter
{
    public static string Format(RequestOutcome o)
    {
        using var buffer = new MemoryStream(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("start_time", AccessLogFormatter.StartTime(o));
            w.WriteString("method", o.Method);
            w.WriteString("path", o.Path);
            w.WriteString("protocol", o.Protocol);
            w.WriteNumber("response_code", o.Status);
            w.WriteString("response_flags", ResponseFlagsFormatter.Format(o.Flags));
            StringOrNull(w, "response_code_details", o.ResponseCodeDetails);
            w.WriteNumber("bytes_received", o.BytesReceived);
            w.WriteNumber("bytes_sent", o.BytesSent);
            w.WriteNumber("duration", AccessLogFormatter.DurationMs(o));
            StringOrNull(w, "x_forwarded_for", o.ForwardedFor);
            StringOrNull(w, "user_agent", o.UserAgent);
            StringOrNull(w, "request_id", o.RequestId);
            StringOrNull(w, "trace_id", o.TraceId);
            StringOrNull(w, "authority", o.Authority);
            StringOrNull(w, "upstream_host", o.UpstreamHost);
            StringOrNull(w, "upstream_cluster", o.UpstreamCluster);
            StringOrNull(w, "downstream_local_address", o.DownstreamLocalAddress);
            StringOrNull(w, "downstream_remote_address", o.DownstreamRemoteAddress);
            StringOrNull(w, "route_name", o.RouteName);
            w.WriteNumber("upstream_request_attempt_count", o.Attempts);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void StringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (string.IsNullOrEmpty(value)) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
