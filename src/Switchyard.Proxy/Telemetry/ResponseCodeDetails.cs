namespace Switchyard.Proxy.Telemetry;

/// <summary>
/// Envoy's %RESPONSE_CODE_DETAILS% values (StreamInfo::ResponseCodeDetailValues,
/// envoy/stream_info/stream_info.h, and the filters' own). Envoy records the details at the moment
/// it decides the answer (sendLocalReply, or the router passing the upstream's headers on), so a
/// later decision overwrites an earlier one and a flag that did not end the request (DI) never
/// names it. <see cref="Pipeline.ProxyContext.Details"/> holds the value; these are the texts.
/// </summary>
public static class ResponseCodeDetails
{
    public const string ViaUpstream = "via_upstream";
    public const string DirectResponse = "direct_response";
    public const string RouteNotFound = "route_not_found";
    public const string ClusterNotFound = "cluster_not_found";
    public const string NoHealthyUpstream = "no_healthy_upstream";
    public const string FaultAbort = "fault_filter_abort";
    public const string CorsResponse = "cors_response";
    public const string ResponseTimeout = "response_timeout";
    public const string PerTryTimeout = "upstream_per_try_timeout";
    public const string Overflow = "upstream_reset_before_response_started{overflow}";
    public const string ConnectFailure = "upstream_reset_before_response_started{connection_failure}";
    public const string ConnectionTermination = "upstream_reset_before_response_started{connection_termination}";
    public const string RefusedStream = "upstream_reset_before_response_started{remote_refused_stream_reset}";
    public const string ResetAfterResponseStarted = "upstream_reset_after_response_started{connection_termination}";
    public const string DownstreamRemoteDisconnect = "downstream_remote_disconnect";

    /// <summary>Our own failure while handling the request (Envoy's nearest is a filter's
    /// internal error): answered 500 so that it is never mistaken for an upstream's.</summary>
    public const string InternalError = "internal_error";
}
