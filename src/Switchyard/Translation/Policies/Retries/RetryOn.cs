namespace Switchyard.Translation.Policies.Retries;

/// <summary>
/// Envoy's retry conditions (x-envoy-retry-on and x-envoy-retry-grpc-on values), as bits: the
/// request path tests a response against all of them with one mask. Names Envoy does not act on
/// in a sidecar (envoy-ratelimited, http3-post-connect-failure) parse but never match.
/// </summary>
[Flags]
public enum RetryOn
{
    None = 0,
    /// <summary>Any 5xx, and any reset, connect failure or per-try timeout (no response at all).</summary>
    FiveXx = 1 << 0,
    /// <summary>502, 503, 504, and, like 5xx, no response at all.</summary>
    GatewayError = 1 << 1,
    /// <summary>No response at all: reset, disconnect, connect failure, per-try timeout.</summary>
    Reset = 1 << 2,
    /// <summary>A reset before any byte of the request went upstream (connect failure).</summary>
    ResetBeforeRequest = 1 << 3,
    ConnectFailure = 1 << 4,
    /// <summary>409 Conflict only (Envoy's definition).</summary>
    Retriable4xx = 1 << 5,
    /// <summary>An HTTP/2 stream reset with REFUSED_STREAM.</summary>
    RefusedStream = 1 << 6,
    /// <summary>The status is one of <see cref="RetryPolicy.RetriableStatusCodes"/>.</summary>
    RetriableStatusCodes = 1 << 7,
    /// <summary>The response carries a header the client named in x-envoy-retriable-header-names.</summary>
    RetriableHeaders = 1 << 8,
    EnvoyRateLimited = 1 << 9,
    Http3PostConnectFailure = 1 << 10,
    /// <summary>grpc-status 1.</summary>
    Cancelled = 1 << 11,
    /// <summary>grpc-status 4.</summary>
    DeadlineExceeded = 1 << 12,
    /// <summary>grpc-status 8.</summary>
    ResourceExhausted = 1 << 13,
    /// <summary>grpc-status 13.</summary>
    Internal = 1 << 14,
    /// <summary>grpc-status 14.</summary>
    Unavailable = 1 << 15,

    /// <summary>Every gRPC condition: whether the grpc-status header is worth reading at all.</summary>
    AnyGrpc = Cancelled | DeadlineExceeded | ResourceExhausted | Internal | Unavailable,

    /// <summary>The conditions under which a reset or a per-try timeout (no response) is retried.</summary>
    AnyReset = FiveXx | GatewayError | Reset,
}
