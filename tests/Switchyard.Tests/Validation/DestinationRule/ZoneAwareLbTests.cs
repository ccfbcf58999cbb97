namespace Switchyard.Tests.Validation.DestinationRules;

public class ZoneAwareLbTests
{
    [Fact]
    public void Zone_aware_with_failover_and_outlier_detection_is_valid() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                outlierDetection:
                  consecutive5xxErrors: 5
                loadBalancer:
                  zoneAwareLbSetting:
                    enabled: true
                    minClusterSize: 1
                    failover:
                    - from: us-east
                      to: eu-west
                    failoverPriority:
                    - topology.istio.io/network
            """).IsValid();

    [Fact]
    public void Failover_priority_may_not_use_topology_labels() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                outlierDetection:
                  consecutive5xxErrors: 5
                loadBalancer:
                  zoneAwareLbSetting:
                    failoverPriority:
                    - topology.kubernetes.io/region   # <-
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.zoneAwareLbSetting.failoverPriority[0]",
                "zone aware load balancing can not use topology label 'topology.kubernetes.io/region' in 'failoverPriority'");

    [Fact]
    public void Failover_without_outlier_detection_is_warned() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  zoneAwareLbSetting:
                    failover:   # <-
                    - from: us-east
                      to: eu-west
            """).HasOnlyWarning("spec.trafficPolicy.loadBalancer.zoneAwareLbSetting.failover",
                "outlier detection policy must be provided for failover");

    [Fact]
    public void Failover_regions_must_differ() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                outlierDetection:
                  consecutive5xxErrors: 5
                loadBalancer:
                  zoneAwareLbSetting:
                    failover:
                    - from: eu-west   # <-
                      to: eu-west
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.zoneAwareLbSetting.failover[0]",
                "locality lb failover settings must specify different regions");

    [Fact]
    public void Failover_names_regions_without_wildcards()
    {
        var check = DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                outlierDetection:
                  consecutive5xxErrors: 5
                loadBalancer:
                  zoneAwareLbSetting:
                    failover:
                    - from: eu-west/*   # <-
                      to: us-east
            """);
        Assert.Equal(2, check.Diagnostics.Count);
        check.HasError("spec.trafficPolicy.loadBalancer.zoneAwareLbSetting.failover[0]", "locality lb failover only specify region");
        check.HasError("spec.trafficPolicy.loadBalancer.zoneAwareLbSetting.failover[0]",
            "locality lb failover region should not contain '*' wildcard");
    }

    [Fact]
    public void Min_cluster_size_must_be_at_least_1() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  zoneAwareLbSetting:
                    minClusterSize: 0   # <-
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.zoneAwareLbSetting.minClusterSize", "minClusterSize must be at least 1");
}
