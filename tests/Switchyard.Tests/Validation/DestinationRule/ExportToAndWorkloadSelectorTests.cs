namespace Switchyard.Tests.Validation.DestinationRules;

public class ExportToAndWorkloadSelectorTests
{
    [Fact]
    public void Selector_rule_exported_to_its_own_namespace_is_valid() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              exportTo: ["."]
              workloadSelector:
                matchLabels:
                  app: productpage
            """).IsValid();

    [Fact]
    public void Export_to_entries_must_be_namespaces()
    {
        var check = DestinationRuleCheck.Of("""
            spec:
              host: reviews
              exportTo: ["Not_A_Namespace"]   # <-
            """);
        var d = Assert.Single(check.Diagnostics);
        Assert.Equal("spec.exportTo", d.FieldPath);
        Assert.Equal(check.MarkedLine, d.Span.Line);
    }

    [Fact]
    public void Export_to_none_is_only_for_service_entries()
    {
        var check = DestinationRuleCheck.Of("""
            spec:
              host: reviews
              exportTo: ["~"]   # <-
            """);
        var d = Assert.Single(check.Diagnostics);
        Assert.Equal("spec.exportTo", d.FieldPath);
    }

    [Fact]
    public void Selector_rule_may_not_export_beyond_its_namespace() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              exportTo: ["*"]   # <-
              workloadSelector:
                matchLabels:
                  app: productpage
            """).HasOnlyError("spec.exportTo", "destination rule with workload selector cannot have exportTo beyond current namespace");

    [Fact]
    public void Selector_rule_may_export_only_once() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              exportTo: [".", "frontend"]   # <-
              workloadSelector:
                matchLabels:
                  app: productpage
            """).HasOnlyError("spec.exportTo", "destination rule with workload selector cannot have multiple entries in exportTo");

    [Fact]
    public void Selector_without_labels_is_warned() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              workloadSelector: {}   # <-
            """).HasOnlyWarning("spec.workloadSelector", "workload selector specified without labels");

    [Fact]
    public void Selector_key_may_not_be_empty() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              workloadSelector:
                matchLabels:   # <-
                  "": productpage
            """).HasOnlyError("spec.workloadSelector.matchLabels", "empty key is not supported in selector: \"=productpage\"");

    [Fact]
    public void Selector_value_may_not_be_a_wildcard() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              workloadSelector:
                matchLabels:
                  app: "product*"   # <-
            """).HasOnlyError("spec.workloadSelector.matchLabels.app", "wildcard is not supported in selector: \"app=product*\"");

    [Fact]
    public void Selector_value_is_at_most_63_characters() =>
        DestinationRuleCheck.Of($$"""
            spec:
              host: reviews
              workloadSelector:
                matchLabels:
                  app: {{new string('a', 64)}}   # <-
            """).HasOnlyError("spec.workloadSelector.matchLabels.app",
                "label value for app is 64 characters long; at most 63 are allowed");
}
