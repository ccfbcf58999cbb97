using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation.DestinationRules;

/// <summary>
/// <c>trafficPolicy.tunnel</c>: the method (CONNECT or POST), and the host and port the tunnel
/// proxy is asked to reach (Istio's <c>validateTunnelSettings</c>).
/// </summary>
public static class TunnelValidator
{
    public static void Validate(TunnelSettings? tunnel, string path, ValidationContext ctx)
    {
        if (tunnel is null) return;
        if (!string.IsNullOrEmpty(tunnel.Protocol) && tunnel.Protocol is not ("CONNECT" or "POST"))
            ctx.Error($"{path}.protocol", "tunnel protocol must be \"CONNECT\" or \"POST\"",
                "the value is case-sensitive; leave it out for CONNECT");

        var host = tunnel.TargetHost ?? "";
        var fqdnProblem = DnsNames.CheckFqdn(host);
        if (fqdnProblem is not null && !IpAddresses.IsIPAddress(host))
            ctx.Error($"{path}.targetHost", $"tunnel target host must be valid FQDN or IP address: {fqdnProblem}");

        var portProblem = Ports.CheckPort(tunnel.TargetPort ?? 0);
        if (portProblem is not null)
            ctx.Error($"{path}.targetPort", $"tunnel target port is invalid: {portProblem}");
    }
}
