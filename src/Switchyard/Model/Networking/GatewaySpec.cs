namespace Switchyard.Model.Networking;

/// <summary>networking.istio.io Gateway: a load balancer at the mesh edge (ports, hosts, TLS).
/// A VirtualService binds to it through <c>gateways</c>; the reserved name <c>mesh</c> means sidecars.</summary>
public sealed record Gateway : Resource
{
    public GatewaySpec Spec { get; init; } = new();
    public object? Status { get; init; }
}

public sealed record GatewaySpec
{
    public IReadOnlyList<Server?>? Servers { get; init; }
    public IReadOnlyDictionary<string, string>? Selector { get; init; }
}

public sealed record Server
{
    public GatewayPort? Port { get; init; }
    public string? Bind { get; init; }

    /// <summary><c>host</c>, <c>ns/host</c>, <c>./host</c> or <c>*/host</c>; a leading <c>*.</c> wildcard is allowed.</summary>
    public IReadOnlyList<string>? Hosts { get; init; }
    public ServerTLSSettings? Tls { get; init; }
    public string? DefaultEndpoint { get; init; }
    public string? Name { get; init; }
}

public sealed record GatewayPort
{
    public uint? Number { get; init; }
    public string? Protocol { get; init; }
    public string? Name { get; init; }
    public uint? TargetPort { get; init; }
}

public enum ServerTLSMode
{
    PASSTHROUGH = 0,
    SIMPLE = 1,
    MUTUAL = 2,
    AUTO_PASSTHROUGH = 3,
    ISTIO_MUTUAL = 4,
    OPTIONAL_MUTUAL = 5,
}

public enum TLSProtocol
{
    TLS_AUTO = 0,
    TLSV1_0 = 1,
    TLSV1_1 = 2,
    TLSV1_2 = 3,
    TLSV1_3 = 4,
}

public sealed record ServerTLSSettings
{
    public bool? HttpsRedirect { get; init; }
    public ServerTLSMode? Mode { get; init; }
    public string? ServerCertificate { get; init; }
    public string? PrivateKey { get; init; }
    public string? CaCertificates { get; init; }
    public string? CaCrl { get; init; }
    public string? CredentialName { get; init; }
    public IReadOnlyList<string>? CredentialNames { get; init; }
    public IReadOnlyList<TlsCertificate?>? TlsCertificates { get; init; }
    public IReadOnlyList<string>? SubjectAltNames { get; init; }
    public IReadOnlyList<string>? VerifyCertificateSpki { get; init; }
    public IReadOnlyList<string>? VerifyCertificateHash { get; init; }
    public TLSProtocol? MinProtocolVersion { get; init; }
    public TLSProtocol? MaxProtocolVersion { get; init; }
    public IReadOnlyList<string>? CipherSuites { get; init; }
}

public sealed record TlsCertificate
{
    public string? ServerCertificate { get; init; }
    public string? PrivateKey { get; init; }
    public string? CaCertificates { get; init; }
}
