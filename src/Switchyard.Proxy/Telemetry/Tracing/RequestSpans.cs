using System.Diagnostics;
using Switchyard.Proxy.Pipeline;

namespace Switchyard.Proxy.Telemetry.Tracing;

/// <summary>
/// One span per request (OpenTelemetry, through <see cref="ActivitySource"/>), a child of the
/// trace the request carries, named and tagged as Envoy's tracer tags its spans (upstream_cluster,
/// response_flags, http.status_code). It is made when the request has ended, with the request's
/// own start time, so the request path pays one <see cref="ActivitySource.HasListeners"/> check
/// when no exporter listens (the default).
/// </summary>
public static class RequestSpans
{
    public const string SourceName = "Switchyard.Proxy";

    public static readonly ActivitySource Source = new(SourceName);

    public static void Record(ProxyContext ctx, TimeProvider time)
    {
        if (!Source.HasListeners()) return;
        var request = ctx.Http.Request;
        IncomingTraceContext.TryParse(request.Headers, out var parent);
        var elapsed = time.GetElapsedTime(ctx.StartTimestamp);
        var end = time.GetUtcNow();
        using var span = Source.StartActivity(ActivityKind.Server, parent, startTime: end - elapsed, name: ctx.View.Authority + request.Path);
        if (span is null) return;
        span.SetTag("http.method", request.Method);
        span.SetTag("http.url", request.Path.Value);
        span.SetTag("http.status_code", ctx.Http.Response.StatusCode);
        span.SetTag("upstream_cluster", ctx.Destination?.ClusterName ?? "-");
        span.SetTag("response_flags", ResponseFlagsFormatter.Format(ctx.Flags));
        if (ctx.Http.Response.StatusCode >= 500) span.SetStatus(ActivityStatusCode.Error);
        span.SetEndTime(end.UtcDateTime);
    }
}
