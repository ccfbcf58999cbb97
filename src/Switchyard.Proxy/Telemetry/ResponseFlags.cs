namespace Switchyard.Proxy.Telemetry;

/// <summary>
/// Envoy's response flags (envoy/stream_info/stream_info.h, CoreResponseFlag), one bit each in
/// Envoy's own order, so <see cref="ResponseFlagsFormatter"/> prints %RESPONSE_FLAGS% as Envoy
/// does: the set flags in this order, joined with commas, or "-" for none. The proxy sets a
/// subset; the rest keep their place so the order stays Envoy's when more are added.
/// </summary>
[Flags]
public enum ResponseFlags : uint
{
    None = 0,
    /// <summary>LH: the local health check failed.</summary>
    FailedLocalHealthCheck = 1u << 0,
    /// <summary>UH: no healthy upstream host in the cluster.</summary>
    NoHealthyUpstream = 1u << 1,
    /// <summary>UT: the route or per-try timeout fired.</summary>
    UpstreamRequestTimeout = 1u << 2,
    /// <summary>LR: the connection was reset locally.</summary>
    LocalReset = 1u << 3,
    /// <summary>UR: the upstream reset the stream.</summary>
    UpstreamRemoteReset = 1u << 4,
    /// <summary>UF: the upstream connection could not be made.</summary>
    UpstreamConnectionFailure = 1u << 5,
    /// <summary>UC: the upstream connection was terminated.</summary>
    UpstreamConnectionTermination = 1u << 6,
    /// <summary>UO: a circuit breaker (connection pool, max retries) refused the request.</summary>
    UpstreamOverflow = 1u << 7,
    /// <summary>NR: no route (no virtual host or no matching rule).</summary>
    NoRouteFound = 1u << 8,
    /// <summary>DI: the request was delayed by fault injection.</summary>
    DelayInjected = 1u << 9,
    /// <summary>FI: the request was aborted by fault injection.</summary>
    FaultInjected = 1u << 10,
    /// <summary>RL: rate limited.</summary>
    RateLimited = 1u << 11,
    /// <summary>UAEX: refused by the external authorization service.</summary>
    UnauthorizedExternalService = 1u << 12,
    /// <summary>RLSE: the rate limit service failed.</summary>
    RateLimitServiceError = 1u << 13,
    /// <summary>DC: the downstream connection ended (client went away or sent a broken body).</summary>
    DownstreamConnectionTermination = 1u << 14,
    /// <summary>URX: the last attempt was still retriable, but no retry was left.</summary>
    UpstreamRetryLimitExceeded = 1u << 15,
    /// <summary>SI: stream idle timeout.</summary>
    StreamIdleTimeout = 1u << 16,
    /// <summary>IH: invalid x-envoy-* request headers.</summary>
    InvalidEnvoyRequestHeaders = 1u << 17,
    /// <summary>DPE: downstream HTTP protocol error.</summary>
    DownstreamProtocolError = 1u << 18,
    /// <summary>UMSDR: the upstream stream reached its max duration.</summary>
    UpstreamMaxStreamDurationReached = 1u << 19,
    /// <summary>RFCF: answered from the cache filter.</summary>
    ResponseFromCacheFilter = 1u << 20,
    /// <summary>NFCF: no filter config found.</summary>
    NoFilterConfigFound = 1u << 21,
    /// <summary>DT: the request or connection exceeded its max duration.</summary>
    DurationTimeout = 1u << 22,
    /// <summary>UPE: upstream HTTP protocol error.</summary>
    UpstreamProtocolError = 1u << 23,
    /// <summary>NC: the route's cluster does not exist (e.g. a subset no DestinationRule defines).</summary>
    NoClusterFound = 1u << 24,
    /// <summary>OM: overload manager.</summary>
    OverloadManager = 1u << 25,
    /// <summary>DF: DNS resolution failed.</summary>
    DnsResolutionFailed = 1u << 26,
    /// <summary>DO: dropped by drop_overloads.</summary>
    DropOverLoad = 1u << 27,
    /// <summary>DR: the downstream reset the stream.</summary>
    DownstreamRemoteReset = 1u << 28,
    /// <summary>UDO: dropped unconditionally by drop_overloads.</summary>
    UnconditionalDropOverload = 1u << 29,
}
