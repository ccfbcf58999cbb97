using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation;

/// <summary>The <c>spec.ports</c> rules of a ServiceEntry (the port loop of Istio's <c>ValidateServiceEntry</c>).</summary>
public static class ServicePortRules
{
    /// <summary>Istio's <c>ValidatePortName</c>: a DNS-1123 label (Istio's flavour: upper case allowed).</summary>
    public static string? CheckPortName(string? name) =>
        DnsNames.IsDns1123Label(name ?? "") ? null : $"invalid port name: {name}";

    /// <summary>Checks every port and returns the declared port names, which endpoints must use.</summary>
    /// <param name="autoAllocated">
    /// Whether Istio will give the entry a VIP itself (then TCP ports need no <c>addresses</c>).
    /// </param>
    public static HashSet<string> Check(ServiceEntrySpec spec, ValidationContext ctx, bool autoAllocated)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new HashSet<uint>();
        var ports = spec.Ports ?? [];
        for (var i = 0; i < ports.Count; i++)
        {
            var path = $"spec.ports[{i}]";
            var port = ports[i];
            if (port is null)
            {
                ctx.Error(path, "service entry port may not be null", "remove the empty list entry");
                continue;
            }
            var name = port.Name ?? "";
            var number = port.Number ?? 0;
            if (!names.Add(name))
                ctx.Error($"{path}.name", $"service entry port name {GoText.Quote(name)} already defined",
                    "each port needs its own name");
            if (!numbers.Add(number))
                ctx.Error($"{path}.number", $"service entry port {number} already defined",
                    "each port needs its own number; list a port once");
            if (port.TargetPort is { } target and not 0)
                ctx.ErrorIf($"{path}.targetPort", Ports.CheckPort(target));
            if ((spec.Addresses is null || spec.Addresses.Count == 0) && !autoAllocated
                && (string.IsNullOrEmpty(port.Protocol) || port.Protocol == "TCP"))
                ctx.Warning(path, "addresses are required for ports serving TCP (or unset) protocol when ISTIO_META_DNS_AUTO_ALLOCATE is not set on a proxy",
                    "plain TCP carries no host name, so the proxy tells services apart by address: set spec.addresses or a protocol");
            ctx.ErrorIf($"{path}.name", CheckPortName(port.Name),
                port.Name is null ? "every port needs a name (a DNS-1123 label such as \"http\")" : null);
            ctx.ErrorIf($"{path}.protocol", ServiceProtocols.CheckProtocol(port.Protocol),
                $"use one of {ServiceProtocols.KnownNames}, or leave it empty to sniff");
            ctx.ErrorIf($"{path}.number", Ports.CheckPort(number));
        }
        return names;
    }
}
