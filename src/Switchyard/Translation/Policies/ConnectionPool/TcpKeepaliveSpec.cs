namespace Switchyard.Translation.Policies.ConnectionPool;

/// <summary><c>tcp.tcpKeepalive</c>: SO_KEEPALIVE with the given probe count, idle time and probe
/// interval; a null part keeps the operating system's default, as in Envoy.</summary>
public sealed record TcpKeepaliveSpec(TimeSpan? Time, TimeSpan? Interval, uint? Probes);
