using Switchyard.Model.Networking;

namespace Switchyard.Translation.Policies.ConnectionPool;

/// <summary>
/// What a cluster's upstream HTTP client (one SocketsHttpHandler) is built from, with Envoy's
/// defaults filled in: connect timeout 10s, idle timeout 1h, no connection limit
/// (<see cref="int.MaxValue"/>), no connection lifetime. Only a change here replaces the client
/// (and with it the cluster's open connections); limits, balancing and outlier settings do not.
/// </summary>
public sealed record UpstreamClientSpec(
    TimeSpan ConnectTimeout,
    TimeSpan IdleTimeout,
    int MaxConnectionsPerServer,
    TimeSpan? MaxConnectionDuration,
    TcpKeepaliveSpec? TcpKeepalive,
    int MaxRequestsPerConnection)
{
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromHours(1);

    public static readonly UpstreamClientSpec Default = new(DefaultConnectTimeout, DefaultIdleTimeout, int.MaxValue, null, null, 0);

    public static UpstreamClientSpec Compile(ConnectionPoolSettings? pool)
    {
        if (pool is null) return Default;
        var tcp = pool.Tcp;
        var http = pool.Http;
        var keepalive = tcp?.TcpKeepalive is { } k
            ? new TcpKeepaliveSpec(AtLeastOneSecond(k.Time), AtLeastOneSecond(k.Interval), k.Probes is > 0 ? k.Probes : null)
            : null;
        return new UpstreamClientSpec(
            Positive(tcp?.ConnectTimeout) ?? DefaultConnectTimeout,
            // http.idleTimeout wins over tcp.idleTimeout (Istio writes the HTTP one as the
            // cluster's common_http_protocol_options.idle_timeout).
            Positive(http?.IdleTimeout ?? tcp?.IdleTimeout) ?? DefaultIdleTimeout,
            tcp?.MaxConnections is > 0 and var max ? max : int.MaxValue,
            Positive(tcp?.MaxConnectionDuration),
            keepalive,
            http?.MaxRequestsPerConnection is > 1 and var perConnection ? perConnection : 0);
    }

    private static TimeSpan? Positive(Model.Duration? d) => d?.ToTimeSpan() is { } t && t > TimeSpan.Zero ? t : null;

    // Socket keepalive options take whole seconds; below one second the OS default stays.
    private static TimeSpan? AtLeastOneSecond(Model.Duration? d) => d?.ToTimeSpan() is { } t && t >= TimeSpan.FromSeconds(1) ? t : null;
}
