namespace Switchyard.Model.Networking;

/// <summary>networking.istio.io DestinationRule spec: how traffic to a host is treated.</summary>
public sealed record DestinationRuleSpec
{
    public string? Host { get; init; }
    public TrafficPolicy? TrafficPolicy { get; init; }
    public IReadOnlyList<Subset?>? Subsets { get; init; }
    public IReadOnlyList<string>? ExportTo { get; init; }
    public WorkloadSelector? WorkloadSelector { get; init; }
}

public sealed record WorkloadSelector
{
    public IReadOnlyDictionary<string, string>? MatchLabels { get; init; }
}

public sealed record TrafficPolicy
{
    public LoadBalancerSettings? LoadBalancer { get; init; }
    public ConnectionPoolSettings? ConnectionPool { get; init; }
    public OutlierDetection? OutlierDetection { get; init; }
    public ClientTLSSettings? Tls { get; init; }
    public IReadOnlyList<PortTrafficPolicy?>? PortLevelSettings { get; init; }
    public TunnelSettings? Tunnel { get; init; }
    public ProxyProtocol? ProxyProtocol { get; init; }
    public RetryBudget? RetryBudget { get; init; }
}

public sealed record PortTrafficPolicy
{
    public PortSelector? Port { get; init; }
    public LoadBalancerSettings? LoadBalancer { get; init; }
    public ConnectionPoolSettings? ConnectionPool { get; init; }
    public OutlierDetection? OutlierDetection { get; init; }
    public ClientTLSSettings? Tls { get; init; }
}

public sealed record TunnelSettings
{
    public string? Protocol { get; init; }
    public string? TargetHost { get; init; }
    public uint? TargetPort { get; init; }
}

public enum ProxyProtocolVersion
{
    V1 = 0,
    V2 = 1,
}

public sealed record ProxyProtocol
{
    public ProxyProtocolVersion? Version { get; init; }
}

public sealed record RetryBudget
{
    public double? Percent { get; init; }
    public uint? MinRetryConcurrency { get; init; }
    public Duration? BudgetInterval { get; init; }
}

public sealed record Subset
{
    public string? Name { get; init; }
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
    public TrafficPolicy? TrafficPolicy { get; init; }
}

public enum SimpleLB
{
    UNSPECIFIED = 0,
    LEAST_CONN = 1,
    RANDOM = 2,
    PASSTHROUGH = 3,
    ROUND_ROBIN = 4,
    LEAST_REQUEST = 5,
}

public sealed record LoadBalancerSettings
{
    public SimpleLB? Simple { get; init; }
    public ConsistentHashLB? ConsistentHash { get; init; }
    public LocalityLoadBalancerSetting? LocalityLbSetting { get; init; }
    public ZoneAwareLoadBalancerSetting? ZoneAwareLbSetting { get; init; }

    /// <summary>Deprecated in favour of <see cref="Warmup"/>.</summary>
    public Duration? WarmupDurationSecs { get; init; }
    public WarmupConfiguration? Warmup { get; init; }
}

public sealed record WarmupConfiguration
{
    public Duration? Duration { get; init; }
    public double? MinimumPercent { get; init; }
    public double? Aggression { get; init; }
}

public sealed record ConsistentHashLB
{
    public string? HttpHeaderName { get; init; }
    public HTTPCookie? HttpCookie { get; init; }
    public bool? UseSourceIp { get; init; }
    public string? HttpQueryParameterName { get; init; }
    public RingHash? RingHash { get; init; }
    public MagLev? Maglev { get; init; }

    /// <summary>Deprecated in favour of <see cref="RingHash"/>.</summary>
    public ulong? MinimumRingSize { get; init; }
}

public sealed record HTTPCookie
{
    public string? Name { get; init; }
    public string? Path { get; init; }
    public Duration? Ttl { get; init; }
    public IReadOnlyList<CookieAttribute?>? Attributes { get; init; }
}

public sealed record CookieAttribute
{
    public string? Name { get; init; }
    public string? Value { get; init; }
}

public sealed record RingHash
{
    public ulong? MinimumRingSize { get; init; }
}

public sealed record MagLev
{
    public ulong? TableSize { get; init; }
}

public sealed record LocalityLoadBalancerSetting
{
    public IReadOnlyList<LocalityDistribute?>? Distribute { get; init; }
    public IReadOnlyList<LocalityFailover?>? Failover { get; init; }
    public IReadOnlyList<string>? FailoverPriority { get; init; }
    public bool? Enabled { get; init; }
}

public sealed record LocalityDistribute
{
    public string? From { get; init; }
    public IReadOnlyDictionary<string, uint>? To { get; init; }
}

public sealed record LocalityFailover
{
    public string? From { get; init; }
    public string? To { get; init; }
}

public sealed record ZoneAwareLoadBalancerSetting
{
    public bool? Enabled { get; init; }
    public IReadOnlyList<LocalityFailover?>? Failover { get; init; }
    public IReadOnlyList<string>? FailoverPriority { get; init; }
    public ulong? MinClusterSize { get; init; }
}

public sealed record ConnectionPoolSettings
{
    public TCPSettings? Tcp { get; init; }
    public HTTPSettings? Http { get; init; }
}

public sealed record TCPSettings
{
    public int? MaxConnections { get; init; }
    public Duration? ConnectTimeout { get; init; }
    public TcpKeepalive? TcpKeepalive { get; init; }
    public Duration? MaxConnectionDuration { get; init; }
    public Duration? IdleTimeout { get; init; }
}

public sealed record TcpKeepalive
{
    public uint? Probes { get; init; }
    public Duration? Time { get; init; }
    public Duration? Interval { get; init; }
}

public enum H2UpgradePolicy
{
    DEFAULT = 0,
    DO_NOT_UPGRADE = 1,
    UPGRADE = 2,
}

public sealed record HTTPSettings
{
    public int? Http1MaxPendingRequests { get; init; }
    public int? Http2MaxRequests { get; init; }
    public int? MaxRequestsPerConnection { get; init; }
    public int? MaxRetries { get; init; }
    public Duration? IdleTimeout { get; init; }
    public H2UpgradePolicy? H2UpgradePolicy { get; init; }
    public bool? UseClientProtocol { get; init; }
    public int? MaxConcurrentStreams { get; init; }
    public Http2KeepAlive? Http2KeepAlive { get; init; }
}

public sealed record Http2KeepAlive
{
    public Duration? Interval { get; init; }
    public Duration? Timeout { get; init; }
}

public sealed record OutlierDetection
{
    /// <summary>Deprecated 5xx counter.</summary>
    public int? ConsecutiveErrors { get; init; }
    public bool? SplitExternalLocalOriginErrors { get; init; }
    public uint? ConsecutiveLocalOriginFailures { get; init; }
    public uint? ConsecutiveGatewayErrors { get; init; }
    public uint? Consecutive5xxErrors { get; init; }
    public Duration? Interval { get; init; }
    public Duration? BaseEjectionTime { get; init; }
    public int? MaxEjectionPercent { get; init; }
    public int? MinHealthPercent { get; init; }
    public IReadOnlyList<uint>? OutlierDetectionHttpErrorCodes { get; init; }
}

public enum TLSmode
{
    DISABLE = 0,
    SIMPLE = 1,
    MUTUAL = 2,
    ISTIO_MUTUAL = 3,
}

public sealed record ClientTLSSettings
{
    public TLSmode? Mode { get; init; }
    public string? ClientCertificate { get; init; }
    public string? PrivateKey { get; init; }
    public string? CaCertificates { get; init; }
    public string? CredentialName { get; init; }
    public IReadOnlyList<string>? SubjectAltNames { get; init; }
    public string? Sni { get; init; }
    public bool? InsecureSkipVerify { get; init; }
    public string? CaCrl { get; init; }
}
