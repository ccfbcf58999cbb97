using Switchyard.Model.Networking;

namespace Switchyard.Validation.DestinationRules;

/// <summary>
/// <c>loadBalancer</c> (Istio's <c>validateLoadBalancer</c>, plus the CRD's one-of rules that
/// Istio leaves to the API server): one policy, one of the two locality features, and a warmup
/// that Envoy's slow start can use.
/// </summary>
public static class LoadBalancerValidator
{
    /// <param name="outlier">The outlier detection beside this load balancer: locality failover needs it.</param>
    public static void Validate(LoadBalancerSettings? settings, string path, OutlierDetection? outlier, ValidationContext ctx)
    {
        if (settings is null) return;

        // lb_policy is a oneof in the proto; the CRD schema enforces it, Istio's Go code cannot see it.
        if (settings.Simple is not null && settings.ConsistentHash is not null)
            ctx.Error($"{path}.consistentHash", "only one of simple or consistentHash can be set",
                "consistentHash is a load balancing policy of its own; remove simple or consistentHash");
        ConsistentHashValidator.Validate(settings.ConsistentHash, $"{path}.consistentHash", ctx);

        if (settings.LocalityLbSetting is not null && settings.ZoneAwareLbSetting is not null)
            ctx.Error($"{path}.zoneAwareLbSetting", "localityLbSetting and zoneAwareLbSetting cannot both be set",
                "zone-aware routing replaces locality weighting and failover; keep one of them");
        LocalityLbValidator.Validate(settings.LocalityLbSetting, $"{path}.localityLbSetting", outlier, ctx);
        ZoneAwareLbValidator.Validate(settings.ZoneAwareLbSetting, $"{path}.zoneAwareLbSetting", outlier, ctx);

        ValidateWarmup(settings, path, ctx);
    }

    private static void ValidateWarmup(LoadBalancerSettings settings, string path, ValidationContext ctx)
    {
        if (settings.WarmupDurationSecs is not null)
        {
            ctx.Warning($"{path}.warmupDurationSecs", "warmupDurationSecs is deprecated, use warmup.duration instead");
            if (settings.Warmup is not null)
                ctx.Error($"{path}.warmupDurationSecs", "only one of warmupDurationSecs or warmup can be set",
                    "move the value to warmup.duration");
            DurationFields.Check(settings.WarmupDurationSecs, $"{path}.warmupDurationSecs", ctx);
        }

        if (settings.Warmup is not { } warmup) return;
        var warmupPath = $"{path}.warmup";
        if (warmup.Duration is null)
            ctx.Error(warmupPath, "duration is required", "add duration, e.g. 60s: how long a new endpoint ramps up");
        else
            DurationFields.Check(warmup.Duration, $"{warmupPath}.duration", ctx);
        if (warmup.MinimumPercent is { } minimum && (minimum < 0 || minimum > 100))
            ctx.Error($"{warmupPath}.minimumPercent", "minimumPercent value should be between 0 and 100");
        if (warmup.Aggression is { } aggression && !(aggression > 0))
            ctx.Error($"{warmupPath}.aggression", "aggression should be greater than 0", "1.0 ramps up linearly");
    }
}
