namespace Switchyard.Proxy.Telemetry;

/// <summary>Envoy's %RESPONSE_CODE_DETAILS% for a finished request: "via_upstream" when the
/// upstream's answer was passed on, else the reason the proxy answered itself, from the first
/// response flag.</summary>
public static class ResponseCodeDetails
{
    /// <param name="direct">The route answered itself (directResponse or redirect).</param>
    public static string For(string flags, bool upstreamAnswered, bool direct = false)
    {
        var first = flags.AsSpan();
        var comma = first.IndexOf(',');
        if (comma >= 0) first = first[..comma];
        return first switch
        {
            "NR" => "route_not_found",
            "NC" => "cluster_not_found",
            "UH" => "no_healthy_upstream",
            "UO" => "upstream_reset_before_response_started{overflow}",
            "UF" => "upstream_reset_before_response_started{connection_failure}",
            "UC" => "upstream_reset_before_response_started{connection_termination}",
            "UT" => "response_timeout",
            "FI" => "fault_filter_abort",
            "DC" => "downstream_remote_disconnect",
            _ => upstreamAnswered ? "via_upstream" : direct ? "direct_response" : "-",
        };
    }
}
