namespace Switchyard.Proxy.Telemetry;

/// <summary>What happened to one request: the fields of Istio's access log line (Envoy's default
/// format plus upstream cluster, addresses and route name).</summary>
public sealed record RequestOutcome(
    DateTimeOffset StartTime,
    string Method,
    /// <summary>Envoy's %REQ(:PATH)%: the request target as the client sent it, query included.</summary>
    string Path,
    string Protocol,
    int Status,
    ResponseFlags Flags,
    TimeSpan Duration,
    string? UpstreamHost,
    string? UpstreamCluster,
    string? RouteName,
    string Authority)
{
    /// <summary>Request body bytes read from the client (%BYTES_RECEIVED%).</summary>
    public long BytesReceived { get; init; }

    /// <summary>Response body bytes written to the client (%BYTES_SENT%).</summary>
    public long BytesSent { get; init; }

    /// <summary>Envoy's %RESPONSE_CODE_DETAILS%: "via_upstream" when the upstream answered, else why the proxy did
    /// (<see cref="Telemetry.ResponseCodeDetails"/>).</summary>
    public string? ResponseCodeDetails { get; init; }

    public string? ForwardedFor { get; init; }

    public string? UserAgent { get; init; }

    public string? RequestId { get; init; }

    public string? DownstreamLocalAddress { get; init; }

    public string? DownstreamRemoteAddress { get; init; }

    /// <summary>Upstream attempts (1 + retries; 0 when no upstream was tried).</summary>
    public int Attempts { get; init; }

    /// <summary>Envoy's %TRACE_ID%: the trace the request carries (W3C traceparent or B3), 32 hex digits; null when none.</summary>
    public string? TraceId { get; init; }
}
