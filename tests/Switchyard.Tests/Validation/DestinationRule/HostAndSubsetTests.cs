namespace Switchyard.Tests.Validation.DestinationRules;

public class HostAndSubsetTests
{
    [Fact]
    public void A_plain_rule_with_subsets_is_valid() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews.bookinfo.svc.cluster.local
              subsets:
              - name: v1
                labels:
                  version: v1
              - name: v2
                labels:
                  version: v2
            """).IsValid();

    [Fact]
    public void Host_star_alone_is_accepted_like_istio() =>
        DestinationRuleCheck.Of("""
            spec:
              host: "*"
            """).IsValid();

    [Fact]
    public void Host_must_be_a_valid_wildcard_domain()
    {
        var check = DestinationRuleCheck.Of("""
            spec:
              host: reviews_v1.bookinfo   # <-
            """);
        var d = Assert.Single(check.Diagnostics);
        Assert.Equal("spec.host", d.FieldPath);
        Assert.Equal(check.MarkedLine, d.Span.Line);
    }

    [Fact]
    public void Missing_host_is_rejected_at_the_spec()
    {
        var check = DestinationRuleCheck.Of("""
            spec:   # <-
              subsets:
              - name: v1
            """);
        var d = Assert.Single(check.Diagnostics);
        Assert.Equal("spec.host", d.FieldPath);
        Assert.Equal(check.MarkedLine, d.Span.Line);
    }

    [Fact]
    public void Null_subset_is_rejected() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              subsets:
              - name: v1
              -    # <-
            """).HasOnlyError("spec.subsets[1]", "subset may not be null");

    [Fact]
    public void Duplicate_subset_names_are_rejected() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              subsets:
              - name: v1
              - name: v1   # <-
            """).HasOnlyError("spec.subsets[1].name", "duplicate subset names: v1");

    [Fact]
    public void Subset_name_must_be_a_dns_label() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              subsets:
              - name: v1.0   # <-
            """).HasOnlyError("spec.subsets[0].name", "subset name is invalid: v1.0");

    [Fact]
    public void Subset_name_is_required() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              subsets:
              - labels:   # <-
                  version: v1
            """).HasOnlyError("spec.subsets[0].name", "subset name cannot be empty");

    [Fact]
    public void Subset_labels_must_be_valid()
    {
        var check = DestinationRuleCheck.Of("""
            spec:
              host: reviews
              subsets:
              - name: v1
                labels:   # <-
                  "bad key!": v1
            """);
        var d = Assert.Single(check.Diagnostics);
        Assert.Equal("spec.subsets[0].labels", d.FieldPath);
        Assert.Equal(check.MarkedLine, d.Span.Line);
    }

    [Fact]
    public void Subset_traffic_policy_is_checked_like_the_top_level() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              subsets:
              - name: v1
                trafficPolicy:
                  connectionPool:
                    tcp:
                      maxConnections: -1   # <-
            """).HasOnlyError("spec.subsets[0].trafficPolicy.connectionPool.tcp.maxConnections",
                "max connections must be non-negative");

    [Fact]
    public void Empty_subset_traffic_policy_is_rejected() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              subsets:
              - name: v1
                trafficPolicy: {}   # <-
            """).HasOnlyError("spec.subsets[0].trafficPolicy", "traffic policy must have at least one field");
}
