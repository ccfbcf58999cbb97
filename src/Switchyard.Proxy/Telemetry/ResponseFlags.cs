namespace Switchyard.Proxy.Telemetry;

/// <summary>Envoy's response flags, as they appear in its access log (%RESPONSE_FLAGS%).</summary>
public static class ResponseFlags
{
    public const string None = "-";
    /// <summary>No route configured for the request (no virtual host or no matching rule).</summary>
    public const string NoRouteFound = "NR";
    /// <summary>The route's cluster does not exist (e.g. a subset no DestinationRule defines).</summary>
    public const string NoClusterFound = "NC";
    /// <summary>No healthy upstream host in the cluster.</summary>
    public const string NoHealthyUpstream = "UH";
    /// <summary>Upstream connection failure.</summary>
    public const string UpstreamConnectionFailure = "UF";
    /// <summary>Upstream connection terminated (reset).</summary>
    public const string UpstreamConnectionTermination = "UC";
    /// <summary>Upstream request timeout.</summary>
    public const string UpstreamRequestTimeout = "UT";
    /// <summary>The request was delayed by fault injection.</summary>
    public const string DelayInjected = "DI";
    /// <summary>The request was aborted by fault injection.</summary>
    public const string FaultInjected = "FI";
    /// <summary>Downstream connection termination (client went away).</summary>
    public const string DownstreamConnectionTermination = "DC";
    /// <summary>Upstream overflow: a circuit breaker (connection pool, max retries) refused the request.</summary>
    public const string UpstreamOverflow = "UO";
    /// <summary>The last attempt's outcome was still retriable, but no retry was left.</summary>
    public const string UpstreamRetryLimitExceeded = "URX";
}
