using Switchyard.Model;
using OutlierDetectionModel = Switchyard.Model.Networking.OutlierDetection;

namespace Switchyard.Translation.Policies.OutlierDetection;

/// <summary>
/// <c>trafficPolicy.outlierDetection</c> resolved to the Envoy outlier detector Istio configures
/// (applyOutlierDetection): a threshold of 0 means that detector is off (enforcing 0).
/// </summary>
public sealed record OutlierSettings(
    uint Consecutive5xx,
    uint ConsecutiveGatewayErrors,
    bool SplitExternalLocalOriginErrors,
    uint ConsecutiveLocalOriginFailures,
    TimeSpan Interval,
    TimeSpan BaseEjectionTime,
    TimeSpan MaxEjectionTime,
    int MaxEjectionPercent,
    int MinHealthPercent)
{
    /// <summary>Envoy's defaults: consecutive_5xx 5, interval 10s, base_ejection_time 30s,
    /// max_ejection_time 300s, max_ejection_percent 10, consecutive_local_origin_failure 5.</summary>
    public const uint DefaultConsecutive = 5;

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultBaseEjectionTime = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultMaxEjectionTime = TimeSpan.FromSeconds(300);
    public const int DefaultMaxEjectionPercent = 10;

    /// <summary>Null when the cluster has no outlierDetection: no detector, nothing on the path.</summary>
    public static OutlierSettings? From(OutlierDetectionModel? od)
    {
        if (od is null) return null;
        uint fiveXx = DefaultConsecutive, gateway = 0;
        // The deprecated consecutiveErrors counts gateway errors only (istio/api#617): Istio sets
        // consecutive_gateway_failure from it and turns the 5xx detector off.
        if (od.ConsecutiveErrors is > 0 and var legacy)
        {
            gateway = (uint)legacy;
            fiveXx = 0;
        }
        if (od.Consecutive5xxErrors is { } c5) fiveXx = c5;
        if (od.ConsecutiveGatewayErrors is { } cg) gateway = cg;
        var split = od.SplitExternalLocalOriginErrors == true;
        var local = od.ConsecutiveLocalOriginFailures is > 0 and var l ? l : DefaultConsecutive;
        var interval = Positive(od.Interval) ?? DefaultInterval;
        var baseEjection = Positive(od.BaseEjectionTime) ?? DefaultBaseEjectionTime;
        return new OutlierSettings(
            fiveXx, gateway, split, split ? local : 0, interval, baseEjection,
            // Envoy caps the multiplied ejection time at max_ejection_time, but never below the base.
            baseEjection > DefaultMaxEjectionTime ? baseEjection : DefaultMaxEjectionTime,
            // Istio writes max_ejection_percent only when > 0; Envoy's default is 10.
            od.MaxEjectionPercent is > 0 and var max ? Math.Min(max, 100) : DefaultMaxEjectionPercent,
            // Istio writes healthy_panic_threshold = minHealthPercent, 0 when unset: panic disabled.
            od.MinHealthPercent is > 0 and var min ? Math.Min(min, 100) : 0);
    }

    private static TimeSpan? Positive(Duration? d) => d?.ToTimeSpan() is { } t && t > TimeSpan.Zero ? t : null;
}
