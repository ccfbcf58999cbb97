using Switchyard.Model.Networking;

namespace Switchyard.Validation.DestinationRules;

/// <summary>
/// <c>localityLbSetting</c> (Istio's <c>agent.ValidateLocalityLbSetting</c>): distribute and
/// failover are exclusive, failover may not be combined with topology labels in
/// failoverPriority, distribute weights, locality strings, and the failover pairs.
/// </summary>
public static class LocalityLbValidator
{
    public static void Validate(LocalityLoadBalancerSetting? setting, string path, OutlierDetection? outlier, ValidationContext ctx)
    {
        if (setting is null) return;

        // Like Istio, the first two findings end the check: the rest would only repeat them.
        if (setting.Distribute is { Count: > 0 } && setting.Failover is { Count: > 0 })
        {
            ctx.Error($"{path}.failover", "can not simultaneously specify 'distribute' and 'failover'",
                "distribute sets fixed weights per locality, failover orders them; keep one");
            return;
        }
        if (setting.Failover is { Count: > 0 })
        {
            var index = FailoverValidator.IndexOfTopologyLabel(setting.FailoverPriority);
            if (index >= 0)
            {
                ctx.Error($"{path}.failoverPriority[{index}]",
                    $"can not simultaneously set 'failover' and topology label '{setting.FailoverPriority![index]}' in 'failover_priority'",
                    "failover already orders regions, zones and subzones; remove the topology label or failover");
                return;
            }
        }

        if (!LocalityDistributeValidator.Validate(setting.Distribute, $"{path}.distribute", ctx)) return;
        FailoverValidator.WarnWithoutOutlierDetection(new(setting.Failover, setting.FailoverPriority), path, outlier, ctx);
        FailoverValidator.ValidateFailover(setting.Failover, $"{path}.failover", ctx);
    }
}
