using Switchyard.Proxy.Pipeline;

namespace Switchyard.Proxy.Telemetry;

/// <summary>The finished request's <see cref="RequestOutcome"/>, read from its context once the
/// response is complete (or the handling failed).</summary>
public static class RequestOutcomeBuilder
{
    public static RequestOutcome Build(ProxyContext ctx, TimeProvider time, long bytesReceived, long bytesSent)
    {
        var http = ctx.Http;
        var request = http.Request;
        var connection = http.Connection;
        var elapsed = time.GetElapsedTime(ctx.StartTimestamp);
        return new RequestOutcome(
            time.GetUtcNow() - elapsed, request.Method, ctx.View.PathAndQuery, request.Protocol,
            http.Response.StatusCode, ctx.Flags, elapsed, ctx.Upstream?.Endpoint.ToString(),
            ctx.Destination?.ClusterName, ctx.Route?.LogName, ctx.View.Authority)
        {
            BytesReceived = bytesReceived,
            BytesSent = bytesSent,
            ResponseCodeDetails = ctx.Details,
            ForwardedFor = request.Headers["x-forwarded-for"].ToString(),
            UserAgent = request.Headers.UserAgent.ToString(),
            RequestId = request.Headers["x-request-id"].ToString(),
            DownstreamLocalAddress = connection.LocalIpAddress is { } local ? $"{local}:{connection.LocalPort}" : null,
            DownstreamRemoteAddress = connection.RemoteIpAddress is { } remote ? $"{remote}:{connection.RemotePort}" : null,
            Attempts = ctx.Attempts,
            TraceId = Tracing.IncomingTraceContext.TraceIdOf(request.Headers),
        };
    }
}
