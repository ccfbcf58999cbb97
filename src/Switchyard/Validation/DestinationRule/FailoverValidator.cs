using Switchyard.Model.Networking;

namespace Switchyard.Validation.DestinationRules;

/// <summary>
/// The failover parts shared by <c>localityLbSetting</c> and <c>zoneAwareLbSetting</c>: region
/// to region pairs, the topology labels that may not appear in <c>failoverPriority</c>, and the
/// outlier detection failover depends on (Istio's <c>ValidateLocalityLbSetting</c>).
/// </summary>
internal static class FailoverValidator
{
    /// <summary>The labels whose tiers <c>failover</c> already orders; Istio refuses both together.</summary>
    public static readonly string[] TopologyLabels =
        ["topology.kubernetes.io/region", "topology.kubernetes.io/zone", "topology.istio.io/subzone"];

    /// <summary>The first topology label in <paramref name="priority"/> (its index), or -1.</summary>
    public static int IndexOfTopologyLabel(IReadOnlyList<string>? priority)
    {
        if (priority is null) return -1;
        for (var i = 0; i < priority.Count; i++)
            if (Array.IndexOf(TopologyLabels, priority[i]) >= 0) return i;
        return -1;
    }

    /// <summary>
    /// Without outlier detection Envoy never sees an endpoint as unhealthy, so traffic never
    /// moves to the next priority: accepted, but warned about.
    /// </summary>
    public static void WarnWithoutOutlierDetection(LocalityLoadBalancerSettingView setting, string path, OutlierDetection? outlier, ValidationContext ctx)
    {
        if (outlier is not null) return;
        if (setting.Failover is { Count: > 0 })
            ctx.Warning($"{path}.failover", "outlier detection policy must be provided for failover",
                "add trafficPolicy.outlierDetection next to this loadBalancer");
        else if (setting.FailoverPriority is { Count: > 0 })
            ctx.Warning($"{path}.failoverPriority", "outlier detection policy must be provided for failover",
                "add trafficPolicy.outlierDetection next to this loadBalancer");
    }

    public static void ValidateFailover(IReadOnlyList<LocalityFailover?>? failover, string path, ValidationContext ctx)
    {
        if (failover is null) return;
        for (var i = 0; i < failover.Count; i++)
        {
            var entryPath = $"{path}[{i}]";
            if (failover[i] is not { } entry)
            {
                ctx.Error(entryPath, "failover entry may not be null");
                continue;
            }
            var from = entry.From ?? "";
            var to = entry.To ?? "";
            if (from == to)
                ctx.Error(entryPath, "locality lb failover settings must specify different regions",
                    $"from and to are both \"{from}\"");
            if (from.Contains('/') || to.Contains('/'))
                ctx.Error(entryPath, "locality lb failover only specify region",
                    "failover moves traffic between regions; use the region part only, e.g. us-east1");
            if (from.Contains('*') || to.Contains('*'))
                ctx.Error(entryPath, "locality lb failover region should not contain '*' wildcard");
        }
    }
}

/// <summary>The two fields locality and zone-aware settings share, so one warning serves both.</summary>
internal readonly record struct LocalityLoadBalancerSettingView(
    IReadOnlyList<LocalityFailover?>? Failover, IReadOnlyList<string>? FailoverPriority);
