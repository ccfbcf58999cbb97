using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation;

/// <summary>The <c>spec.hosts</c> and <c>spec.addresses</c> rules of a ServiceEntry.</summary>
public static class ServiceEntryHostRules
{
    public static void CheckHosts(ServiceEntrySpec spec, ValidationContext ctx)
    {
        var hosts = spec.Hosts ?? [];
        if (hosts.Count == 0)
        {
            ctx.Error("spec.hosts", "service entry must have at least one host",
                "add the DNS name clients use, e.g. hosts: [api.example.com]");
            return;
        }
        for (var i = 0; i < hosts.Count; i++)
        {
            var host = hosts[i];
            var path = $"spec.hosts[{i}]";
            // A ServiceEntry for "*" would capture every host in the mesh; Istio refuses it.
            if (host == "*")
            {
                ctx.Error(path, $"invalid host {host}", "use a wildcard under a domain, such as *.example.com");
                continue;
            }
            ctx.ErrorIf(path, DnsNames.CheckWildcardDomain(host));
            // DYNAMIC_DNS resolves the request's own host, so partial wildcards are its business.
            if (spec.Resolution != ServiceEntryResolution.DYNAMIC_DNS && IsPartialWildcard(host))
                ctx.Warning(path, $"partial wildcard {GoText.Quote(host)} not allowed",
                    "only a whole first label may be a wildcard: *.example.com");
        }
    }

    /// <summary>Istio's <c>ValidatePartialWildCard</c>: <c>*foo.com</c>, not <c>*.foo.com</c>.</summary>
    public static bool IsPartialWildcard(string host) =>
        host.Contains('*') && host.Length != 1 && !host.StartsWith("*.", StringComparison.Ordinal);

    public static void CheckAddresses(ServiceEntrySpec spec, ValidationContext ctx)
    {
        var addresses = spec.Addresses ?? [];
        var firstCidr = -1;
        for (var i = 0; i < addresses.Count; i++)
        {
            if (firstCidr < 0 && addresses[i].Contains('/')) firstCidr = i;
            ctx.ErrorIf($"spec.addresses[{i}]", IpAddresses.CheckIPOrCidr(addresses[i]));
        }
        // A CIDR names many destinations; only pass-through (NONE) or client-side (STATIC)
        // balancing can serve a range, DNS resolution cannot.
        var resolution = spec.Resolution ?? ServiceEntryResolution.NONE;
        if (firstCidr >= 0 && resolution is not (ServiceEntryResolution.NONE or ServiceEntryResolution.STATIC))
            ctx.Error($"spec.addresses[{firstCidr}]", "CIDR addresses are allowed only for NONE/STATIC resolution types",
                $"use single IP addresses with resolution {resolution}, or resolution NONE or STATIC");
    }
}
