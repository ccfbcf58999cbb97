using System.Text.Json.Serialization;
using Switchyard.Model.Networking;
using Switchyard.Registry;

namespace Switchyard.Translation.Policies.ConnectionPool;

/// <summary>
/// A cluster's circuit-breaker thresholds and upstream protocol, resolved from
/// <c>trafficPolicy.connectionPool</c> as Istio writes them into Envoy's cluster: every threshold
/// the user leaves unset (or sets to 0) is 2^32-1, i.e. effectively unlimited
/// (Istio's getDefaultCircuitBreakerThresholds), and maxRequestsPerConnection 0 means no limit.
/// </summary>
public sealed record PoolLimits(
    long MaxConnections,
    long MaxPendingRequests,
    long MaxRequests,
    long MaxRetries,
    int MaxRequestsPerConnection,
    UpstreamProtocol Protocol)
{
    /// <summary>Istio's default for every circuit-breaker threshold.</summary>
    public const long Unlimited = uint.MaxValue;

    public static readonly PoolLimits Default = new(Unlimited, Unlimited, Unlimited, Unlimited, 0, UpstreamProtocol.Http11);

    /// <summary>True when no threshold limits anything: the request path then skips admission entirely.</summary>
    [JsonIgnore]
    public bool LimitsNothing =>
        MaxConnections >= Unlimited && MaxPendingRequests >= Unlimited && MaxRequests >= Unlimited && MaxRetries >= Unlimited;

    /// <param name="portProtocol">The service port's protocol: HTTP2 and gRPC ports get HTTP/2
    /// upstream, as Istio sets http2_protocol_options on their clusters.</param>
    public static PoolLimits From(ConnectionPoolSettings? pool, string? portProtocol = null)
    {
        var http2Port = ServicePortInfo.IsHttp2Protocol(portProtocol);
        if (pool is null) return http2Port ? Default with { Protocol = UpstreamProtocol.Http2 } : Default;
        var tcp = pool.Tcp;
        var http = pool.Http;
        return new PoolLimits(
            Threshold(tcp?.MaxConnections),
            Threshold(http?.Http1MaxPendingRequests),
            Threshold(http?.Http2MaxRequests),
            Threshold(http?.MaxRetries),
            http?.MaxRequestsPerConnection is > 0 and var perConnection ? perConnection : 0,
            ProtocolOf(http, http2Port));
    }

    // Istio only writes a threshold when the field is > 0; otherwise the 2^32-1 default stays.
    private static long Threshold(int? value) => value is > 0 and var v ? v : Unlimited;

    // useClientProtocol wins over h2UpgradePolicy (Istio sets use_downstream_protocol_config and
    // skips the upgrade); DEFAULT follows the mesh default, DO_NOT_UPGRADE.
    private static UpstreamProtocol ProtocolOf(HTTPSettings? http, bool http2Port) =>
        http?.UseClientProtocol == true ? UpstreamProtocol.ClientProtocol
        : http2Port || http?.H2UpgradePolicy == H2UpgradePolicy.UPGRADE ? UpstreamProtocol.Http2
        : UpstreamProtocol.Http11;
}
