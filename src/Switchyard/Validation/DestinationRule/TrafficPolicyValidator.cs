using Switchyard.Model.Networking;

namespace Switchyard.Validation.DestinationRules;

/// <summary>
/// One TrafficPolicy (service-wide or a subset's): it must set something, may not combine a
/// tunnel with the PROXY protocol, and each part is checked (Istio's <c>validateTrafficPolicy</c>).
/// </summary>
public static class TrafficPolicyValidator
{
    public static void Validate(TrafficPolicy? policy, string path, string configNamespace, ValidationContext ctx)
    {
        if (policy is null) return;
        if (IsEmpty(policy))
        {
            ctx.Error(path, "traffic policy must have at least one field",
                "set loadBalancer, connectionPool, outlierDetection, tls, portLevelSettings, tunnel, proxyProtocol or retryBudget, or remove trafficPolicy");
            return;
        }
        // Istio stops at this error and checks nothing else in the policy; so do we, so the
        // message list matches istioctl's.
        if (policy.Tunnel is not null && policy.ProxyProtocol is not null)
        {
            ctx.Error($"{path}.proxyProtocol", "tunnel and proxyProtocol must not be set together",
                "an HTTP tunnel and a PROXY protocol header cannot both wrap the upstream connection; keep one");
            return;
        }

        OutlierDetectionValidator.Validate(policy.OutlierDetection, $"{path}.outlierDetection", ctx);
        ConnectionPoolValidator.Validate(policy.ConnectionPool, $"{path}.connectionPool", ctx);
        LoadBalancerValidator.Validate(policy.LoadBalancer, $"{path}.loadBalancer", policy.OutlierDetection, ctx);
        ClientTlsValidator.Validate(policy.Tls, $"{path}.tls", configNamespace, ctx);
        PortTrafficPolicyValidator.ValidateAll(policy.PortLevelSettings, $"{path}.portLevelSettings", configNamespace, ctx);
        TunnelValidator.Validate(policy.Tunnel, $"{path}.tunnel", ctx);
        // proxyProtocol.version (V1/V2 only) needs no check here: the loader already rejects
        // any other enum name or number.
    }

    private static bool IsEmpty(TrafficPolicy p) =>
        p.OutlierDetection is null && p.ConnectionPool is null && p.LoadBalancer is null && p.Tls is null
        && p.PortLevelSettings is not { Count: > 0 } && p.Tunnel is null && p.ProxyProtocol is null
        && p.RetryBudget is null;
}
