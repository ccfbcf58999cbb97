using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation;

/// <summary>
/// The checks of one workload endpoint, shared by the WorkloadEntry kind (at <c>spec</c>) and the
/// inline <c>spec.endpoints[i]</c> of a ServiceEntry, as Istio shares <c>validateWorkloadEntry</c>.
/// </summary>
public static class WorkloadEntryRules
{
    public const string UnixAddressPrefix = "unix://";

    /// <param name="path">Where the endpoint sits: <c>spec</c> or <c>spec.endpoints[2]</c>.</param>
    /// <param name="servicePorts">
    /// The port names the owning ServiceEntry declares, or null for a standalone WorkloadEntry
    /// (which Istio cannot tie to a service, so its port names are not cross-checked).
    /// </param>
    public static void Check(
        WorkloadEntrySpec we, string path, ValidationContext ctx, EndpointAddressRule rule,
        IReadOnlySet<string>? servicePorts)
    {
        var address = we.Address ?? "";
        var unix = false;
        if (rule == EndpointAddressRule.IpOrFqdn)
        {
            if (!IpAddresses.IsIPAddress(address) && DnsNames.CheckFqdn(address) is not null)
                ctx.Error($"{path}.address", $"endpoint address {GoText.Quote(address)} is not a valid FQDN or an IP address",
                    "with DNS resolution an endpoint is a host name to resolve or an IP address");
        }
        else if (!CheckAddress(we, path, ctx, rule, out unix))
        {
            return; // Istio stops at a missing address: nothing else about the entry is reported.
        }

        CheckPorts(we, path, ctx, servicePorts);
        LabelMapChecks.Check(ctx, $"{path}.labels", we.Labels);

        if (unix && servicePorts is not null && servicePorts.Count != 1)
            ctx.Error(path, "exactly 1 service port required for unix endpoints",
                "a unix socket has no port, so the service entry must declare exactly one port for it");
    }

    // False when the address is missing and nothing else should be checked.
    private static bool CheckAddress(
        WorkloadEntrySpec we, string path, ValidationContext ctx, EndpointAddressRule rule, out bool unix)
    {
        unix = false;
        var address = we.Address ?? "";
        if (address.Length == 0)
        {
            if (string.IsNullOrEmpty(we.Network))
            {
                ctx.Error(path, "address is required",
                    "set address to an IP address, a DNS name or unix:///path/to/socket (or set network for a cross-network gateway)");
                return false;
            }
            ctx.Warning($"{path}.network", $"address is unset with network {GoText.Quote(we.Network)}");
        }

        if (address.StartsWith(UnixAddressPrefix, StringComparison.Ordinal))
        {
            unix = true;
            ctx.ErrorIf($"{path}.address", CheckUnixAddress(address[UnixAddressPrefix.Length..]),
                "write unix:///absolute/path/to/socket or unix://@abstract-name");
            if (we.Ports is { Count: > 0 })
                ctx.Error($"{path}.ports", $"unix endpoint {address} must not include ports",
                    "remove ports: a unix socket is reached without one");
        }
        else if (address.Length > 0 && !IpAddresses.IsIPAddress(address))
        {
            if (rule == EndpointAddressRule.IpOrUnix)
                ctx.Error($"{path}.address", $"endpoint address {GoText.Quote(address)} is not a valid IP address",
                    "STATIC resolution needs IP addresses; use resolution DNS for host names");
            else if (DnsNames.CheckFqdn(address) is not null)
                ctx.Error($"{path}.address", $"endpoint address {GoText.Quote(address)} is not a valid FQDN or an IP address");
        }
        return true;
    }

    private static void CheckPorts(WorkloadEntrySpec we, string path, ValidationContext ctx, IReadOnlySet<string>? servicePorts)
    {
        if (we.Ports is null) return;
        foreach (var (name, port) in we.Ports)
        {
            var portPath = $"{path}.ports.{name}";
            // Istio's message names the port number, not the name; the hint names both.
            if (servicePorts is not null && !servicePorts.Contains(name))
                ctx.Error(portPath, $"endpoint port {port} is not defined by the service entry",
                    DeclaredPortsHint(name, servicePorts));
            ctx.ErrorIf(portPath, ServicePortRules.CheckPortName(name));
            ctx.ErrorIf(portPath, Ports.CheckPort(port));
        }
    }

    private static string DeclaredPortsHint(string name, IReadOnlySet<string> servicePorts) =>
        servicePorts.Count == 0
            ? $"the service entry declares no ports; add one named {GoText.Quote(name)} to spec.ports"
            : $"endpoint ports are keyed by a port name from spec.ports ({string.Join(", ", servicePorts.Order(StringComparer.Ordinal))}), not {GoText.Quote(name)}";

    /// <summary>Istio's <c>ValidateUnixAddress</c>: an absolute file path, or <c>@name</c> (abstract socket).</summary>
    public static string? CheckUnixAddress(string socket)
    {
        if (socket.Length == 0) return "unix address must not be empty";
        if (socket.StartsWith('@')) return null;
        // Go's path.IsAbs: forward slashes whatever the OS, so results do not depend on where we run.
        return !socket.StartsWith('/') || socket.EndsWith('/') ? $"{socket} is not an absolute path to a file" : null;
    }
}
