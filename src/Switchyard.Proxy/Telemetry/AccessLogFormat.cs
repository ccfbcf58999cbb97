namespace Switchyard.Proxy.Telemetry;

/// <summary>Istio's meshConfig.accessLogEncoding, plus Off (accessLogFile unset).</summary>
public enum AccessLogFormat
{
    Off,
    Text,
    Json,
}
