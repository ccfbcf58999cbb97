namespace Switchyard.Validation.Rules;

/// <summary>
/// Istio's IP checks: <c>netutil.IsValidIPAddress</c>, <c>ValidateIPAddress</c> and <c>ValidateIPSubnet</c>
/// (pkg/config/validation/agent), all built on Go's strict <c>net/netip</c> syntax.
/// </summary>
public static class IpAddresses
{
    /// <summary>An IPv4 or IPv6 address (IPv6 may carry a zone, <c>fe80::1%eth0</c>).</summary>
    public static bool IsIPAddress(string value) => GoNetip.ParseAddr(value, out _) != 0;

    public static string? CheckIPAddress(string value) =>
        IsIPAddress(value) ? null : $"{value} is not a valid IP";

    /// <summary>
    /// Istio's <c>ValidateIPSubnet</c>: exactly one <c>/</c> means CIDR (prefix length 0..32 or 0..128,
    /// host bits may be set); anything else must be a plain address.
    /// </summary>
    public static string? CheckIPOrCidr(string value)
    {
        if (value.AsSpan().Count('/') == 1)
            return GoNetip.IsPrefix(value) ? null : $"{value} is not a valid CIDR block";
        return CheckIPAddress(value);
    }
}
