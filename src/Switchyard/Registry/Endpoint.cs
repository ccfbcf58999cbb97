namespace Switchyard.Registry;

/// <summary>One backend instance of a service port: where to connect and what it is (labels,
/// locality, weight), as Envoy's LbEndpoint.</summary>
public sealed record Endpoint(
    string Address,
    int Port,
    IReadOnlyDictionary<string, string> Labels,
    string? Locality,
    uint Weight)
{
    public override string ToString() => Address.Contains(':') ? $"[{Address}]:{Port}" : $"{Address}:{Port}";
}
