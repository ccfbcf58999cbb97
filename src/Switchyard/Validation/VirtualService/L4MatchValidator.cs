using Switchyard.Validation.Rules;

namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// What TLS and TCP matches share: destination subnets (IP or CIDR), port, source labels and
/// gateways. Istio checks no sourceNamespace here, unlike in HTTP matches.
/// </summary>
internal static class L4MatchValidator
{
    public static void ValidateCommon(IReadOnlyList<string>? destinationSubnets, uint? port,
        IReadOnlyDictionary<string, string>? sourceLabels, IReadOnlyList<string>? gateways, string path, ValidationContext ctx)
    {
        for (var i = 0; i < (destinationSubnets?.Count ?? 0); i++)
            ctx.ErrorIf($"{path}.destinationSubnets[{i}]", IpAddresses.CheckIPOrCidr(destinationSubnets![i]));
        // Port 0 is proto3's "unset".
        if (port is { } p and not 0) ctx.ErrorIf(path + ".port", Ports.CheckPort(p));
        SelectorValidator.ValidateSourceLabels(sourceLabels, path + ".sourceLabels", ctx);
        GatewayNamesValidator.Validate(gateways, path + ".gateways", ctx);
    }
}
