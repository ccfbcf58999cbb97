namespace Switchyard.Tests.Validation.DestinationRules;

public class LocalityLbTests
{
    [Fact]
    public void Distribute_summing_to_100_is_valid() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  localityLbSetting:
                    enabled: true
                    distribute:
                    - from: us-west/zone1/*
                      to:
                        "us-west/zone1/*": 80
                        "us-west/zone2/*": 20
                    - from: us-west/zone2/*
                      to:
                        "us-west/zone2/*": 100
            """).IsValid();

    [Fact]
    public void Failover_with_outlier_detection_is_valid() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                outlierDetection:
                  consecutive5xxErrors: 5
                loadBalancer:
                  localityLbSetting:
                    failover:
                    - from: us-east
                      to: eu-west
                    failoverPriority:
                    - topology.istio.io/network
            """).IsValid();

    [Fact]
    public void Distribute_and_failover_together_are_rejected() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                outlierDetection:
                  consecutive5xxErrors: 5
                loadBalancer:
                  localityLbSetting:
                    distribute:
                    - from: us-west/*
                      to:
                        "us-west/*": 100
                    failover:   # <-
                    - from: us-west
                      to: us-east
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.localityLbSetting.failover",
                "can not simultaneously specify 'distribute' and 'failover'");

    [Fact]
    public void Failover_with_topology_labels_in_failover_priority_is_rejected() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                outlierDetection:
                  consecutive5xxErrors: 5
                loadBalancer:
                  localityLbSetting:
                    failover:
                    - from: us-west
                      to: us-east
                    failoverPriority:
                    - topology.istio.io/network
                    - topology.kubernetes.io/zone   # <-
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.localityLbSetting.failoverPriority[1]",
                "can not simultaneously set 'failover' and topology label 'topology.kubernetes.io/zone' in 'failover_priority'");

    [Fact]
    public void Distribute_weight_must_be_at_least_1() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  localityLbSetting:
                    distribute:
                    - from: us-west/*
                      to:
                        "us-west/*": 100
                        "us-east/*": 0   # <-
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.localityLbSetting.distribute[0].to.us-east/*",
                "locality weight must be in range [1, 100]");

    [Fact]
    public void Distribute_weights_must_sum_to_100() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  localityLbSetting:
                    distribute:
                    - from: us-west/*
                      to:   # <-
                        "us-west/*": 60
                        "us-east/*": 30
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.localityLbSetting.distribute[0].to",
                "total locality weight 90 != 100");

    [Fact]
    public void Distribute_destinations_may_not_overlap() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  localityLbSetting:
                    distribute:
                    - from: us-west/*
                      to:   # <-
                        "us-west/*": 50
                        "us-west/zone1": 50
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.localityLbSetting.distribute[0].to",
                "locality us-west/zone1 overlap with previous specified ones");

    [Fact]
    public void Distribute_sources_wildcard_only_at_the_end() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  localityLbSetting:
                    distribute:   # <-
                    - from: "*/zone1"
                      to:
                        "us-west/*": 100
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.localityLbSetting.distribute",
                "locality */zone1 wildcard '*' number can not exceed 1 and must be in the end");

    [Fact]
    public void Distribute_localities_have_no_empty_segment() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  localityLbSetting:
                    distribute:   # <-
                    - from: us-west//sub1
                      to:
                        "us-west/*": 100
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.localityLbSetting.distribute",
                "locality us-west//sub1 must not contain empty region/zone/subzone info");

    [Fact]
    public void Failover_without_outlier_detection_is_warned() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  localityLbSetting:
                    failover:   # <-
                    - from: us-west
                      to: us-east
            """).HasOnlyWarning("spec.trafficPolicy.loadBalancer.localityLbSetting.failover",
                "outlier detection policy must be provided for failover");

    [Fact]
    public void Failover_priority_without_outlier_detection_is_warned() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  localityLbSetting:
                    failoverPriority:   # <-
                    - topology.istio.io/network
            """).HasOnlyWarning("spec.trafficPolicy.loadBalancer.localityLbSetting.failoverPriority",
                "outlier detection policy must be provided for failover");

    [Fact]
    public void Port_level_failover_looks_at_port_level_outlier_detection() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                outlierDetection:
                  consecutive5xxErrors: 5
                portLevelSettings:
                - port:
                    number: 9080
                  loadBalancer:
                    localityLbSetting:
                      failover:   # <-
                      - from: us-west
                        to: us-east
            """).HasOnlyWarning("spec.trafficPolicy.portLevelSettings[0].loadBalancer.localityLbSetting.failover",
                "outlier detection policy must be provided for failover");

    [Fact]
    public void Failover_regions_must_differ()
    {
        var check = DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                outlierDetection:
                  consecutive5xxErrors: 5
                loadBalancer:
                  localityLbSetting:
                    failover:
                    - from: us-west   # <-
                      to: us-west
            """);
        check.HasOnlyError("spec.trafficPolicy.loadBalancer.localityLbSetting.failover[0]",
            "locality lb failover settings must specify different regions");
    }

    [Fact]
    public void Failover_names_regions_only() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                outlierDetection:
                  consecutive5xxErrors: 5
                loadBalancer:
                  localityLbSetting:
                    failover:
                    - from: us-west/zone1   # <-
                      to: us-east
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.localityLbSetting.failover[0]",
                "locality lb failover only specify region");

    [Fact]
    public void Failover_has_no_wildcards() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                outlierDetection:
                  consecutive5xxErrors: 5
                loadBalancer:
                  localityLbSetting:
                    failover:
                    - from: us-west   # <-
                      to: "*"
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.localityLbSetting.failover[0]",
                "locality lb failover region should not contain '*' wildcard");
}
