using Switchyard.Analysis;
using Switchyard.Diagnostics;
using Switchyard.Loading;

namespace Switchyard.Tests.Analysis.VirtualService;

public class DestinationRuleAnalyzerTests
{
    private const string FrontendRule = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: frontend
          namespace: default
        spec:
          host: frontend
          subsets:
          - name: v1
            labels:
              version: v1
          - name: v2
            labels:
              version: v2
        """;

    /// <summary>Runs the analyzer on the documents joined into one file; the first document's lines are the file's.</summary>
    private static List<Diagnostic> Analyze(params string[] documents)
    {
        var load = ConfigLoader.LoadText(string.Join("\n---\n", documents), "vs.yaml");
        Assert.Empty(load.AllDiagnostics);
        var resources = load.Resources;
        var options = new AnalysisOptions { Analyzers = ["virtualservice.DestinationRuleAnalyzer"], AllNamespaces = true };
        return AnalysisRunner.Run(resources, options, Suppressions.Parse([], out _));
    }

    private static string RouteTo(string host, string subset, string ns = "default") => $"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: frontend
          namespace: {ns}
        spec:
          hosts:
          - frontend
          http:
          - route:
            - destination:
                host: {host}
                subset: {subset}
        """;

    [Fact]
    public void Subset_defined_by_the_destination_rule_is_found()
    {
        Assert.Empty(Analyze(RouteTo("frontend", "v2"), FrontendRule));
    }

    [Fact]
    public void Subset_missing_from_destination_rule_is_IST0101_at_the_subset_line()
    {
        var m = Assert.Single(Analyze(RouteTo("frontend", "vv2"), FrontendRule));
        Assert.Equal("IST0101", m.Code);
        Assert.Equal(Severity.Error, m.Severity);
        Assert.Equal("Referenced host+subset in destinationrule not found: \"frontend+vv2\"", m.Message);
        Assert.Equal(13, m.Span.Line);
        Assert.Equal("did you mean subset \"v2\"? DestinationRule default/frontend defines: v1, v2", m.Hint);
    }

    [Fact]
    public void Subset_far_from_every_defined_one_lists_the_defined_subsets()
    {
        var m = Assert.Single(Analyze(RouteTo("frontend", "canary-2024"), FrontendRule));
        Assert.Equal("DestinationRule default/frontend defines: v1, v2", m.Hint);
    }

    [Fact]
    public void Subset_equally_close_to_two_defined_ones_gets_no_guess()
    {
        var m = Assert.Single(Analyze(RouteTo("frontend", "v3"), FrontendRule));
        Assert.Equal("DestinationRule default/frontend defines: v1, v2", m.Hint);
    }

    [Fact]
    public void Subset_for_a_host_without_destination_rule_hints_that_none_defines_subsets()
    {
        var m = Assert.Single(Analyze(RouteTo("frontend", "v1")));
        Assert.Equal("Referenced host+subset in destinationrule not found: \"frontend+v1\"", m.Message);
        Assert.Equal("no DestinationRule defines subsets for host frontend.default.svc.cluster.local", m.Hint);
    }

    [Fact]
    public void Destination_without_subset_needs_no_destination_rule()
    {
        var vs = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: frontend
              namespace: default
            spec:
              hosts:
              - frontend
              http:
              - route:
                - destination:
                    host: frontend
            """;
        Assert.Empty(Analyze(vs));
    }

    [Fact]
    public void Missing_mirror_subset_is_IST0101_mirror_subset_in_destinationrule()
    {
        var vs = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: frontend
              namespace: default
            spec:
              hosts:
              - frontend
              http:
              - route:
                - destination:
                    host: frontend
                    subset: v1
                mirror:
                  host: frontend
                  subset: shadow
                mirrors:
                - destination:
                    host: frontend
                    subset: v3
            """;
        var messages = Analyze(vs, FrontendRule);
        Assert.Equal(
            ["Referenced mirror+subset in destinationrule not found: \"frontend+shadow\"",
             "Referenced mirror+subset in destinationrule not found: \"frontend+v3\""],
            messages.Select(m => m.Message));
        Assert.Equal([16, 20], messages.Select(m => m.Span.Line));
    }

    [Fact]
    public void Tcp_and_tls_destinations_with_missing_subsets_are_IST0101()
    {
        var vs = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: frontend
              namespace: default
            spec:
              hosts:
              - frontend
              tcp:
              - route:
                - destination:
                    host: frontend
                    subset: v9
              tls:
              - match:
                - sniHosts: [frontend]
                route:
                - destination:
                    host: frontend
                    subset: v1
            """;
        var m = Assert.Single(Analyze(vs, FrontendRule));
        Assert.Equal("Referenced host+subset in destinationrule not found: \"frontend+v9\"", m.Message);
        Assert.Equal(13, m.Span.Line);
    }

    [Fact]
    public void Short_host_resolves_in_each_resource_namespace_so_a_rule_elsewhere_does_not_count()
    {
        var m = Assert.Single(Analyze(RouteTo("frontend", "v1", ns: "shop"), FrontendRule));
        Assert.Equal("Referenced host+subset in destinationrule not found: \"frontend+v1\"", m.Message);
        Assert.Equal("no DestinationRule defines subsets for host frontend.shop.svc.cluster.local", m.Hint);
    }

    [Fact]
    public void Fqdn_destination_matches_a_short_host_rule_in_the_service_namespace()
    {
        Assert.Empty(Analyze(RouteTo("frontend.default.svc.cluster.local", "v1", ns: "shop"), FrontendRule));
    }

    [Fact]
    public void Subsets_of_several_rules_for_one_host_all_count()
    {
        var canary = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: frontend-canary
              namespace: shop
            spec:
              host: frontend.default.svc.cluster.local
              subsets:
              - name: canary
                labels:
                  track: canary
            """;
        Assert.Empty(Analyze(RouteTo("frontend", "canary"), FrontendRule, canary));
        var m = Assert.Single(Analyze(RouteTo("frontend", "v3"), FrontendRule, canary));
        Assert.Equal("DestinationRule default/frontend defines: v1, v2; DestinationRule shop/frontend-canary defines: canary", m.Hint);
    }
}
