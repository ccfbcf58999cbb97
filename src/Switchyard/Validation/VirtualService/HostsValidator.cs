using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// <c>spec.hosts</c>: each a wildcard domain or an IP address; <c>*</c> alone not when the
/// VirtualService applies to sidecars; no two hosts that overlap (Istio's ValidateVirtualService).
/// </summary>
internal static class HostsValidator
{
    public static void Validate(VirtualServiceSpec spec, bool appliesToMesh, ValidationContext ctx)
    {
        var hosts = spec.Hosts;
        if (hosts is null) return;
        var allValid = true;
        for (var i = 0; i < hosts.Count; i++)
        {
            var host = hosts[i];
            var path = $"spec.hosts[{i}]";
            var error = DnsNames.CheckWildcardDomain(host);
            if (error is not null)
            {
                // IPs are documented as gateway-only, but Istio's validator accepts them anywhere.
                if (IpAddresses.IsIPAddress(host)) continue;
                ctx.Error(path, error);
                allValid = false;
            }
            else if (appliesToMesh && host == "*")
            {
                ctx.Error(path, "wildcard host * is not allowed for virtual services bound to the mesh gateway",
                    "name the hosts, or bind the VirtualService to gateways only (without \"mesh\")");
                allValid = false;
            }
        }

        // Istio compares hosts only when each is valid on its own.
        if (!allValid) return;
        for (var i = 0; i < hosts.Count; i++)
        for (var j = i + 1; j < hosts.Count; j++)
        {
            if (HostNameMatching.Overlaps(hosts[i], hosts[j]))
                ctx.Error($"spec.hosts[{j}]", $"duplicate hosts in virtual service: {hosts[i]} & {hosts[j]}",
                    "keep one of the two hosts; a wildcard already covers the names under it");
        }
    }
}
