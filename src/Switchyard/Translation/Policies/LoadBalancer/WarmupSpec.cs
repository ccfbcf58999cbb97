namespace Switchyard.Translation.Policies.LoadBalancer;

/// <summary><c>warmup</c> (or the deprecated <c>warmupDurationSecs</c>) with Istio's defaults filled:
/// minimumPercent 10, aggression 1 (Envoy's slow_start_config).</summary>
public sealed record WarmupSpec(TimeSpan Duration, double MinimumPercent, double Aggression);
