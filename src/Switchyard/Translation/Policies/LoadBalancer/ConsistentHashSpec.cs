namespace Switchyard.Translation.Policies.LoadBalancer;

/// <summary>
/// <c>consistentHash</c> compiled: exactly one hash key source (Istio's oneof; the first set one
/// wins, as the proxy read it before) and the table size with Envoy's defaults filled
/// (ring hash minimum 1024, maglev 65537).
/// </summary>
public sealed record ConsistentHashSpec(
    string? HeaderName,
    HashCookieSpec? Cookie,
    bool UseSourceIp,
    string? QueryParameterName,
    ulong TableSize)
{
    public const ulong DefaultMinimumRingSize = 1024;
    public const ulong DefaultMaglevTableSize = 65537;
}
