namespace Switchyard.Proxy.Upstream;

/// <summary>How one upstream attempt ended, in the terms of Envoy's router
/// (UpstreamRequest's onUpstreamHeaders / onResetStream, the per-try and route timers).</summary>
public enum AttemptOutcomeKind
{
    /// <summary>Response headers arrived (any status).</summary>
    Response,
    /// <summary>The connection could not be made (refused, unreachable, connect timeout): UF.</summary>
    ConnectFailure,
    /// <summary>The connection or stream was reset before response headers: UC.</summary>
    Reset,
    /// <summary>An HTTP/2 stream was refused (REFUSED_STREAM): UC, retriable as refused-stream.</summary>
    RefusedStream,
    /// <summary>The attempt's own timeout (perTryTimeout) fired: UT if it is the last.</summary>
    PerTryTimeout,
    /// <summary>The route timeout fired: UT, never retried.</summary>
    RouteTimeout,
    /// <summary>A circuit breaker refused the request: UO, never retried.</summary>
    Overflow,
    /// <summary>The downstream went away or its request body failed (aborted, truncated, malformed
    /// chunking): Envoy's DC, not the upstream's fault; never reported to outlier detection, never retried.</summary>
    DownstreamCancel,
}
