namespace Switchyard.Tests.Validation.DestinationRules;

public class OutlierDetectionTests
{
    [Fact]
    public void A_typical_outlier_detection_is_valid() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                outlierDetection:
                  consecutive5xxErrors: 5
                  consecutiveGatewayErrors: 3
                  interval: 10s
                  baseEjectionTime: 30s
                  maxEjectionPercent: 100
                  minHealthPercent: 0
                  splitExternalLocalOriginErrors: true
                  consecutiveLocalOriginFailures: 3
                  outlierDetectionHttpErrorCodes: [429, 503]
            """).IsValid();

    [Fact]
    public void Interval_must_be_at_least_one_millisecond() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                outlierDetection:
                  interval: 500us   # <-
            """).HasOnlyError("spec.trafficPolicy.outlierDetection.interval", "duration must be greater than 1ms");

    [Fact]
    public void Base_ejection_time_must_be_whole_milliseconds() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                outlierDetection:
                  baseEjectionTime: 1500us   # <-
            """).HasOnlyError("spec.trafficPolicy.outlierDetection.baseEjectionTime",
                "only durations to ms precision are supported");

    [Fact]
    public void Consecutive_errors_is_deprecated() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                outlierDetection:
                  consecutiveErrors: 5   # <-
            """).HasOnlyWarning("spec.trafficPolicy.outlierDetection.consecutiveErrors",
                "outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead");

    [Fact]
    public void Local_origin_failures_need_split_errors() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                outlierDetection:
                  consecutiveLocalOriginFailures: 3   # <-
            """).HasOnlyError("spec.trafficPolicy.outlierDetection.consecutiveLocalOriginFailures",
                "outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false");

    [Fact]
    public void Max_ejection_percent_must_be_at_most_100() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                outlierDetection:
                  maxEjectionPercent: 101   # <-
            """).HasOnlyError("spec.trafficPolicy.outlierDetection.maxEjectionPercent", "percentage 101 is not in range 0..100");

    [Fact]
    public void Min_health_percent_must_not_be_negative() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                outlierDetection:
                  minHealthPercent: -1   # <-
            """).HasOnlyError("spec.trafficPolicy.outlierDetection.minHealthPercent", "percentage -1 is not in range 0..100");

    [Fact]
    public void Error_codes_must_be_http_status_codes() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                outlierDetection:
                  outlierDetectionHttpErrorCodes:
                  - 503
                  - 600   # <-
            """).HasOnlyError("spec.trafficPolicy.outlierDetection.outlierDetectionHttpErrorCodes[1]",
                "HTTP status code 600 is not in range 100..599");
}
