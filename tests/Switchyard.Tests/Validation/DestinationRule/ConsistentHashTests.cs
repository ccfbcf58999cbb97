namespace Switchyard.Tests.Validation.DestinationRules;

public class ConsistentHashTests
{
    [Fact]
    public void Cookie_hash_with_maglev_is_valid() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  consistentHash:
                    httpCookie:
                      name: user
                      path: /
                      ttl: 0s
                      attributes:
                      - name: SameSite
                        value: Strict
                      - name: Secure
                    maglev:
                      tableSize: 65537
            """).IsValid();

    [Fact]
    public void Only_one_hash_key_may_be_set() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  consistentHash:   # <-
                    httpHeaderName: x-user
                    useSourceIp: true
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.consistentHash",
                "only one of httpHeaderName, httpCookie, useSourceIp or httpQueryParameterName can be set");

    [Fact]
    public void Ring_hash_and_maglev_together_are_rejected() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  consistentHash:
                    useSourceIp: true
                    ringHash:
                      minimumRingSize: 1024
                    maglev:   # <-
                      tableSize: 65537
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.consistentHash.maglev", "only one of ringHash or maglev can be set");

    [Fact]
    public void Http_cookie_needs_a_name() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  consistentHash:
                    httpCookie:   # <-
                      ttl: 10s
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.consistentHash.httpCookie", "name required for HttpCookie");

    [Fact]
    public void Cookie_attribute_needs_a_name() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  consistentHash:
                    httpCookie:
                      name: user
                      attributes:
                      - value: Strict   # <-
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.consistentHash.httpCookie.attributes[0]",
                "cookie attribute name is required");

    [Fact]
    public void Cookie_attribute_names_are_unique() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  consistentHash:
                    httpCookie:
                      name: user
                      attributes:
                      - name: SameSite
                        value: Strict
                      - name: SameSite   # <-
                        value: Lax
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.consistentHash.httpCookie.attributes[1].name",
                "duplicate cookie attribute name: SameSite");

    [Fact]
    public void Minimum_ring_size_is_deprecated() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  consistentHash:
                    httpHeaderName: x-user
                    minimumRingSize: 1024   # <-
            """).HasOnlyWarning("spec.trafficPolicy.loadBalancer.consistentHash.minimumRingSize",
                "consistent hash MinimumRingSize is deprecated, use ConsistentHashLB's RingHash configuration instead");

    [Fact]
    public void Minimum_ring_size_with_a_hash_algorithm_is_rejected()
    {
        var check = DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  consistentHash:
                    httpHeaderName: x-user
                    minimumRingSize: 1024   # <-
                    ringHash:
                      minimumRingSize: 2048
            """);
        Assert.Equal(2, check.Diagnostics.Count);
        check.HasWarning("spec.trafficPolicy.loadBalancer.consistentHash.minimumRingSize",
            "consistent hash MinimumRingSize is deprecated, use ConsistentHashLB's RingHash configuration instead");
        check.HasError("spec.trafficPolicy.loadBalancer.consistentHash.minimumRingSize",
            "only one of MinimumRingSize or Maglev/Ringhash can be specified");
    }

    [Fact]
    public void Maglev_table_size_must_be_prime() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  consistentHash:
                    useSourceIp: true
                    maglev:
                      tableSize: 65536   # <-
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.consistentHash.maglev.tableSize",
                "tableSize must be a prime number for maglev");

    [Fact]
    public void Maglev_table_size_must_be_below_envoys_limit() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  consistentHash:
                    useSourceIp: true
                    maglev:
                      tableSize: 5000011   # <-
            """).HasOnlyError("spec.trafficPolicy.loadBalancer.consistentHash.maglev.tableSize",
                "tableSize must be less than 5000011 for maglev");

    [Fact]
    public void Maglev_table_size_must_be_set()
    {
        var check = DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  consistentHash:
                    useSourceIp: true
                    maglev: {}   # <-
            """);
        // Istio reports 0 as both unset and not prime.
        check.HasError("spec.trafficPolicy.loadBalancer.consistentHash.maglev.tableSize", "tableSize must be set for maglev");
    }
}
