using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// A <c>destination</c> (of a route, mirror or mirrors entry): a host that is a domain or
/// wildcard domain but not <c>*</c>, a DNS-1123 subset name, a real port. Istio's validateDestination.
/// </summary>
internal static class DestinationValidator
{
    public static void Validate(Destination destination, string path, ValidationContext ctx)
    {
        var host = destination.Host ?? "";
        if (host == "*")
            ctx.Error(path + ".host", "invalid destination host *", "name the service to send traffic to");
        else
            ctx.ErrorIf(path + ".host", DnsNames.CheckWildcardDomain(host));
        if (!string.IsNullOrEmpty(destination.Subset))
            ctx.ErrorIf(path + ".subset", DnsNames.CheckSubsetName(destination.Subset),
                "subset names are DNS-1123 labels: letters, digits and '-', at most 63 characters");
        // port: {} is a selector without a number, which is port 0.
        if (destination.Port is { } port)
            ctx.ErrorIf(path + ".port.number", Ports.CheckPort(port.Number ?? 0));
    }
}
