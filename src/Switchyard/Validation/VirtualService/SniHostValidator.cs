using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// One <c>sniHosts</c> entry: a wildcard domain (an IP only draws a warning, since SNI may not
/// carry one) that lies within one of the VirtualService's hosts. Istio's validateSniHost.
/// </summary>
internal static class SniHostValidator
{
    public static void Validate(string sniHost, string path, VirtualServiceSpec spec, ValidationContext ctx)
    {
        if (DnsNames.CheckWildcardDomain(sniHost) is { } error)
        {
            if (IpAddresses.IsIPAddress(sniHost))
                ctx.Warning(path,
                    $"using an IP address ({GoText.Quote(sniHost)}) goes against SNI spec and most clients do not support this");
            else
                ctx.Error(path, error);
            return;
        }
        var hosts = spec.Hosts ?? [];
        foreach (var host in hosts)
            if (HostNameMatching.IsSubsetOf(sniHost, host)) return;
        ctx.Error(path,
            $"SNI host {GoText.Quote(sniHost)} is not a compatible subset of any of the virtual service hosts: [{string.Join(", ", hosts)}]",
            "use an SNI host covered by spec.hosts, or add it there");
    }
}
