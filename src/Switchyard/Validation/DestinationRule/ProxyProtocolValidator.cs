using Switchyard.Model.Networking;

namespace Switchyard.Validation.DestinationRules;

/// <summary>
/// <c>trafficPolicy.proxyProtocol</c>: only versions V1 and V2 exist. The loader already rejects
/// unknown names; this catches a number outside the enum (Istio's <c>validateProxyProtocol</c>).
/// </summary>
public static class ProxyProtocolValidator
{
    public static void Validate(ProxyProtocol? proxyProtocol, string path, ValidationContext ctx)
    {
        if (proxyProtocol?.Version is { } version && !Enum.IsDefined(version))
            ctx.Error($"{path}.version", $"proxy protocol version is invalid: {(int)version}", "use V1 or V2");
    }
}
