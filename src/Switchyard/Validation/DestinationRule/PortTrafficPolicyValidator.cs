using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation.DestinationRules;

/// <summary>
/// <c>portLevelSettings</c>: each entry names a port and sets at least one of the four policies a
/// port may override (Istio's <c>validatePortTrafficPolicies</c>). Remember that a port-level
/// policy replaces the service-wide one rather than merging with it.
/// </summary>
public static class PortTrafficPolicyValidator
{
    public static void ValidateAll(IReadOnlyList<PortTrafficPolicy?>? settings, string path, string configNamespace, ValidationContext ctx)
    {
        if (settings is null) return;
        for (var i = 0; i < settings.Count; i++)
        {
            var entryPath = $"{path}[{i}]";
            var entry = settings[i];
            if (entry is null)
            {
                ctx.Error(entryPath, "traffic policy may not be null", "remove the empty list entry");
                continue;
            }
            Validate(entry, entryPath, configNamespace, ctx);
        }
    }

    private static void Validate(PortTrafficPolicy entry, string path, string configNamespace, ValidationContext ctx)
    {
        if (entry.Port is null)
            ctx.Error(path, "portTrafficPolicy must have valid port", "add port: {number: <1..65535>}");
        else if (entry.Port.Number is { } number)
            ctx.ErrorIf($"{path}.port.number", Ports.CheckPort(number));
        else
            ctx.Error($"{path}.port", "portTrafficPolicy must have valid port", "add number: <1..65535>");

        if (entry.OutlierDetection is null && entry.ConnectionPool is null && entry.LoadBalancer is null && entry.Tls is null)
        {
            ctx.Error(path, "port traffic policy must have at least one field",
                "set loadBalancer, connectionPool, outlierDetection or tls for this port, or remove the entry");
            return;
        }
        OutlierDetectionValidator.Validate(entry.OutlierDetection, $"{path}.outlierDetection", ctx);
        ConnectionPoolValidator.Validate(entry.ConnectionPool, $"{path}.connectionPool", ctx);
        LoadBalancerValidator.Validate(entry.LoadBalancer, $"{path}.loadBalancer", entry.OutlierDetection, ctx);
        ClientTlsValidator.Validate(entry.Tls, $"{path}.tls", configNamespace, ctx);
    }
}
