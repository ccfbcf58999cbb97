using Switchyard.Model.Networking;

namespace Switchyard.Validation.DestinationRules;

/// <summary>
/// <c>connectionPool</c> (Istio's <c>validateConnectionPool</c>): something must be set, limits
/// are not negative, durations follow the duration rule, and the HTTP/2 options do not
/// contradict each other.
/// </summary>
public static class ConnectionPoolValidator
{
    public static void Validate(ConnectionPoolSettings? settings, string path, ValidationContext ctx)
    {
        if (settings is null) return;
        if (settings.Http is null && settings.Tcp is null)
        {
            ctx.Error(path, "connection pool must have at least one field", "set tcp or http, or remove connectionPool");
            return;
        }
        if (settings.Http is { } http) ValidateHttp(http, $"{path}.http", ctx);
        if (settings.Tcp is { } tcp) ValidateTcp(tcp, $"{path}.tcp", ctx);
    }

    private static void ValidateHttp(HTTPSettings http, string path, ValidationContext ctx)
    {
        CheckNonNegative(http.Http1MaxPendingRequests, $"{path}.http1MaxPendingRequests", "http1 max pending requests", ctx);
        CheckNonNegative(http.Http2MaxRequests, $"{path}.http2MaxRequests", "http2 max requests", ctx);
        CheckNonNegative(http.MaxRequestsPerConnection, $"{path}.maxRequestsPerConnection", "max requests per connection", ctx);
        CheckNonNegative(http.MaxRetries, $"{path}.maxRetries", "max retries", ctx);
        DurationFields.Check(http.IdleTimeout, $"{path}.idleTimeout", ctx);
        // useClientProtocol keeps the downstream protocol, so it cannot also force an upgrade.
        if (http.H2UpgradePolicy == H2UpgradePolicy.UPGRADE && http.UseClientProtocol == true)
            ctx.Error($"{path}.useClientProtocol", "use client protocol must not be true when H2UpgradePolicy is UPGRADE",
                "drop useClientProtocol, or set h2UpgradePolicy to DEFAULT or DO_NOT_UPGRADE");
        CheckNonNegative(http.MaxConcurrentStreams, $"{path}.maxConcurrentStreams", "max concurrent streams", ctx);
        if (http.Http2KeepAlive is { } keepAlive) ValidateHttp2KeepAlive(keepAlive, $"{path}.http2KeepAlive", ctx);
    }

    private static void ValidateHttp2KeepAlive(Http2KeepAlive keepAlive, string path, ValidationContext ctx)
    {
        // Envoy's HTTP/2 connection keepalive has no default for either value: a PING every
        // interval, and the connection is dropped when a PING goes unanswered for timeout.
        if (keepAlive.Interval is null || keepAlive.Timeout is null)
            ctx.Error(path, "http2KeepAlive requires both interval and timeout",
                keepAlive.Interval is null ? "add interval, e.g. 30s" : "add timeout, e.g. 5s");
        DurationFields.Check(keepAlive.Interval, $"{path}.interval", ctx);
        DurationFields.Check(keepAlive.Timeout, $"{path}.timeout", ctx);
    }

    private static void ValidateTcp(TCPSettings tcp, string path, ValidationContext ctx)
    {
        CheckNonNegative(tcp.MaxConnections, $"{path}.maxConnections", "max connections", ctx);
        DurationFields.Check(tcp.ConnectTimeout, $"{path}.connectTimeout", ctx);
        DurationFields.Check(tcp.MaxConnectionDuration, $"{path}.maxConnectionDuration", ctx);
        // 0s turns the TCP idle timeout off, so Istio skips the check for it.
        DurationFields.CheckAllowZero(tcp.IdleTimeout, $"{path}.idleTimeout", ctx);
        if (tcp.TcpKeepalive is { } keepalive)
        {
            DurationFields.Check(keepalive.Time, $"{path}.tcpKeepalive.time", ctx);
            DurationFields.Check(keepalive.Interval, $"{path}.tcpKeepalive.interval", ctx);
        }
    }

    private static void CheckNonNegative(int? value, string path, string what, ValidationContext ctx)
    {
        if (value is < 0) ctx.Error(path, $"{what} must be non-negative");
    }
}
