namespace Switchyard.Proxy.Telemetry;

/// <summary>What happened to one request: the fields of Envoy's default access log line, and
/// the upstream attempts made (Envoy's %UPSTREAM_REQUEST_ATTEMPT_COUNT%).</summary>
public sealed record RequestOutcome(
    DateTimeOffset StartTime,
    string Method,
    string Path,
    string Protocol,
    int Status,
    string Flags,
    TimeSpan Duration,
    string? UpstreamHost,
    string? UpstreamCluster,
    string? RouteName,
    string Authority,
    int UpstreamAttempts = 0);
