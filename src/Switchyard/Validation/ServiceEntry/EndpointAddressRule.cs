namespace Switchyard.Validation;

/// <summary>
/// Which addresses an endpoint may have. Istio judges a WorkloadEntry's address three ways,
/// depending on where it sits (pkg/config/validation/validation.go).
/// </summary>
public enum EndpointAddressRule
{
    /// <summary>
    /// A standalone WorkloadEntry (<c>validateWorkloadEntry(we, nil, true)</c>): IP, FQDN or
    /// <c>unix://</c> socket; empty only when <c>network</c> is set.
    /// </summary>
    IpFqdnOrUnix,

    /// <summary>
    /// An endpoint of a STATIC ServiceEntry (<c>validateWorkloadEntry(ep, ports, false)</c>):
    /// the proxy connects to it as given, so IP or <c>unix://</c> socket only.
    /// </summary>
    IpOrUnix,

    /// <summary>
    /// An endpoint of a DNS or DNS_ROUND_ROBIN ServiceEntry (checked inline in
    /// <c>ValidateServiceEntry</c>): IP or FQDN, never empty, never a socket.
    /// </summary>
    IpOrFqdn,
}
