namespace Switchyard.Tests.Validation.DestinationRules;

public class LoadBalancerTests
{
    [Fact]
    public void Simple_with_warmup_is_valid() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  simple: ROUND_ROBIN
                  warmup:
                    duration: 60s
                    minimumPercent: 10
                    aggression: 1.5
            """).IsValid();

    [Fact]
    public void Simple_and_consistent_hash_together_are_rejected() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  simple: ROUND_ROBIN
                  consistentHash:   # <-
                    useSourceIp: true
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.consistentHash", "only one of simple or consistentHash can be set");

    [Fact]
    public void Locality_and_zone_aware_settings_together_are_rejected() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  localityLbSetting:
                    enabled: true
                  zoneAwareLbSetting:   # <-
                    enabled: true
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.zoneAwareLbSetting",
                "localityLbSetting and zoneAwareLbSetting cannot both be set");

    [Fact]
    public void Warmup_needs_a_duration() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  warmup:   # <-
                    minimumPercent: 10
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.warmup", "duration is required");

    [Fact]
    public void Warmup_duration_follows_the_duration_rule() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  warmup:
                    duration: 0s   # <-
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.warmup.duration", "duration must be greater than 1ms");

    [Fact]
    public void Warmup_minimum_percent_is_at_most_100() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  warmup:
                    duration: 60s
                    minimumPercent: 120   # <-
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.warmup.minimumPercent",
                "minimumPercent value should be between 0 and 100");

    [Fact]
    public void Warmup_aggression_must_be_positive() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  warmup:
                    duration: 60s
                    aggression: 0   # <-
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.warmup.aggression", "aggression should be greater than 0");

    [Fact]
    public void Warmup_duration_secs_is_deprecated() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  simple: LEAST_REQUEST
                  warmupDurationSecs: 60s   # <-
            """).HasOnlyWarning("spec.trafficPolicy.loadBalancer.warmupDurationSecs",
                "warmupDurationSecs is deprecated, use warmup.duration instead");

    [Fact]
    public void Warmup_duration_secs_and_warmup_together_are_rejected() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  warmupDurationSecs: 60s   # <-
                  warmup:
                    duration: 60s
            """).HasError("spec.trafficPolicy.loadBalancer.warmupDurationSecs",
                "only one of warmupDurationSecs or warmup can be set");
}
