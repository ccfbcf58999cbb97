using Microsoft.AspNetCore.Http;

namespace Switchyard.Proxy.Pipeline;

/// <summary>
/// Whether the Host / :authority has a port a TCP connection can have (RFC 9110 §4.2.3, §7.2:
/// <c>port = *DIGIT</c>, and 0-65535 in practice). Kestrel checks the characters of the Host
/// header but not the port's range, so <c>frontend:99999</c> would reach routing, match the
/// host without its port and be forwarded. Envoy answers such a request 400
/// (<c>http.invalid_authority</c>); so do we, before any route is looked up.
/// </summary>
public static class AuthorityPort
{
    /// <summary>Envoy's response code details for an invalid :authority.</summary>
    public const string InvalidAuthorityDetails = "http.invalid_authority";

    public static bool IsValid(HostString host)
    {
        var value = host.Value.AsSpan();
        // The port follows the last ':' that is not inside an IPv6 literal's brackets.
        var close = value.LastIndexOf(']');
        var colon = value.LastIndexOf(':');
        if (colon < 0 || colon < close) return true;
        if (close < 0 && value[..colon].Contains(':')) return true; // an unbracketed IPv6 address: no port
        var port = value[(colon + 1)..];
        if (port.Length > 5) return false;
        var number = 0;
        foreach (var c in port)
        {
            if (c is < '0' or > '9') return false;
            number = number * 10 + (c - '0');
        }
        return number <= 65535;
    }
}
