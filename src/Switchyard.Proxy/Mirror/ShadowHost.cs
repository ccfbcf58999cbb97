namespace Switchyard.Proxy.Mirror;

/// <summary>
/// Envoy's shadow authority (Http::Utility's shadow host rule): "-shadow" goes after the host
/// and before any port, so "frontend" → "frontend-shadow", "a:8080" → "a-shadow:8080",
/// "[::1]:80" → "[::1]-shadow:80". The mirror's logs then tell shadow traffic apart.
/// </summary>
public static class ShadowHost
{
    public const string Suffix = "-shadow";

    public static string Of(string host)
    {
        var portStart = PortStart(host);
        return portStart < 0 ? host + Suffix : string.Concat(host.AsSpan(0, portStart), Suffix, host.AsSpan(portStart));
    }

    /// <summary>Envoy's getPortStart: the last ':' unless an IPv6 literal's ']' comes after it.</summary>
    private static int PortStart(string host)
    {
        var colon = host.LastIndexOf(':');
        if (colon < 0) return -1;
        var v6End = host.LastIndexOf(']');
        return v6End < 0 || v6End < colon ? colon : -1;
    }
}
