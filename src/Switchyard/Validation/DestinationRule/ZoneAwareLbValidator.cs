using Switchyard.Model.Networking;

namespace Switchyard.Validation.DestinationRules;

/// <summary>
/// <c>zoneAwareLbSetting</c>: Envoy's zone-aware routing already prefers the local zone, so
/// failoverPriority may not name region/zone/subzone labels; failover pairs as for locality LB;
/// and the CRD's minimum cluster size of 1.
/// </summary>
public static class ZoneAwareLbValidator
{
    public static void Validate(ZoneAwareLoadBalancerSetting? setting, string path, OutlierDetection? outlier, ValidationContext ctx)
    {
        if (setting is null) return;

        var index = FailoverValidator.IndexOfTopologyLabel(setting.FailoverPriority);
        if (index >= 0)
            ctx.Error($"{path}.failoverPriority[{index}]",
                $"zone aware load balancing can not use topology label '{setting.FailoverPriority![index]}' in 'failoverPriority'",
                "zone-aware routing orders regions and zones itself; use other labels, e.g. topology.istio.io/network");

        if (setting.MinClusterSize is 0)
            ctx.Error($"{path}.minClusterSize", "minClusterSize must be at least 1", "leave it out for Envoy's default of 6");

        FailoverValidator.WarnWithoutOutlierDetection(new(setting.Failover, setting.FailoverPriority), path, outlier, ctx);
        FailoverValidator.ValidateFailover(setting.Failover, $"{path}.failover", ctx);
    }
}
