using Switchyard.Model.Networking;

namespace Switchyard.Translation.Normalize;

/// <summary>
/// The policy of one cluster, merged as pilot's MergeTrafficPolicy does
/// (pilot/pkg/networking/core/cluster_traffic_policy.go): DR top level → DR port level for the
/// cluster's port, which REPLACES all four settings (an omitted one falls back to the default,
/// not to the top level) → subset top level, field by field → subset port level (replaces again).
/// </summary>
public static class PolicyMerger
{
    public static MergedTrafficPolicy Merge(TrafficPolicy? rule, TrafficPolicy? subset, uint port)
    {
        var merged = ApplyPortLevel(FromTopLevel(rule), rule, port);
        if (subset is null) return merged;
        merged = new MergedTrafficPolicy(
            subset.LoadBalancer ?? merged.LoadBalancer,
            subset.ConnectionPool ?? merged.ConnectionPool,
            subset.OutlierDetection ?? merged.OutlierDetection,
            subset.Tls ?? merged.Tls);
        return ApplyPortLevel(merged, subset, port);
    }

    private static MergedTrafficPolicy FromTopLevel(TrafficPolicy? p) =>
        p is null ? MergedTrafficPolicy.Empty : new MergedTrafficPolicy(p.LoadBalancer, p.ConnectionPool, p.OutlierDetection, p.Tls);

    /// <summary>The first portLevelSettings entry for <paramref name="port"/> replaces the policy whole.</summary>
    private static MergedTrafficPolicy ApplyPortLevel(MergedTrafficPolicy current, TrafficPolicy? p, uint port)
    {
        foreach (var pl in p?.PortLevelSettings ?? [])
            if (pl?.Port?.Number == port)
                return new MergedTrafficPolicy(pl.LoadBalancer, pl.ConnectionPool, pl.OutlierDetection, pl.Tls);
        return current;
    }
}
