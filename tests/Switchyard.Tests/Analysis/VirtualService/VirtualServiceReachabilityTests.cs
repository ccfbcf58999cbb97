using Switchyard.Analysis;
using Switchyard.Analysis.Schema;
using Switchyard.Analysis.VirtualServices;
using Switchyard.Diagnostics;
using Switchyard.Loading;
using VirtualServiceResource = Switchyard.Model.Networking.VirtualService;

namespace Switchyard.Tests.Analysis.VirtualServices;

/// <summary>
/// IST0130/IST0131 as istioctl's schema analyzer reports them from Istio's reachability
/// analysis (pkg/config/validation/validation.go analyzeUnreachable*Rules).
/// </summary>
// The alias: Switchyard.Tests.Analysis.VirtualService is a namespace too, and would win over a using.
public class VirtualServiceReachabilityTests
{
    private const string Header = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
        spec:
          hosts:
          - reviews

        """;

    // The body is written flush left; it belongs under spec.
    private static string Yaml(string body) => Header + string.Join('\n', body.Split('\n').Select(l => "  " + l)) + "\n";

    private static List<Diagnostic> Analyze(string body)
    {
        var load = ConfigLoader.LoadText(Yaml(body), "vs.yaml");
        Assert.Empty(load.AllDiagnostics);
        return AnalysisRunner.Run(load.Resources, new AnalysisOptions { Analyzers = ["schema.ValidationAnalyzer.VirtualService"] }, Suppressions.Parse([], out _));
    }

    private static IReadOnlyList<ReachabilityFinding> Findings(string body) =>
        VirtualServiceReachability.Analyze((VirtualServiceResource)ConfigLoader.LoadText(Yaml(body), "vs.yaml").Resources.Single());

    [Fact]
    public void Second_rule_without_matches_is_IST0130_only_the_last_rule_at_the_rule_line()
    {
        var m = Assert.Single(Analyze("""
            http:
            - name: catch-all
              route:
              - destination: {host: reviews}
            - route:
              - destination: {host: ratings}
            """));
        Assert.Equal("IST0130", m.Code);
        Assert.Equal(Severity.Warning, m.Severity);
        Assert.Equal("VirtualService rule #1 not used (only the last rule can have no matches).", m.Message);
        Assert.Equal(12, m.Span.Line);
        Assert.Equal("spec.http[1]", m.FieldPath);
        // Moving "catch-all" to the end would make it the unreachable one behind rule #1.
        Assert.Equal("rule \"catch-all\" has no match either and takes every request first: give one of them a match, or remove one", m.Hint);
    }

    [Fact]
    public void Rule_with_matches_after_a_rule_without_is_IST0130_route_without_matches_defined_before_once()
    {
        var m = Assert.Single(Analyze("""
            http:
            - name: catch-all
              route:
              - destination: {host: reviews}
            - name: api
              match:
              - uri: {prefix: /api}
              - uri: {prefix: /v2}
              route:
              - destination: {host: ratings}
            """));
        Assert.Equal("IST0130", m.Code);
        Assert.Equal("VirtualService rule \"api\" not used (route without matches defined before).", m.Message);
        Assert.Equal(12, m.Span.Line);
        Assert.Contains("move rule \"catch-all\" to the end", m.Hint);
    }

    [Fact]
    public void Match_equal_to_an_earlier_one_is_IST0131_at_the_match_line_and_a_rule_of_only_such_matches_is_IST0130()
    {
        var messages = Analyze("""
            http:
            - name: v1
              match:
              - headers:
                  end-user: {exact: jason}
              route:
              - destination: {host: reviews, subset: v1}
            - name: v2
              match:
              - name: jason-again
                headers:
                  end-user: {exact: jason}
              route:
              - destination: {host: reviews, subset: v2}
            """);
        Assert.Equal(2, messages.Count);
        var unreachable = messages[0];
        Assert.Equal("IST0130", unreachable.Code);
        Assert.Equal("VirtualService rule \"v2\" not used (all matches used by prior rules).", unreachable.Message);
        Assert.Equal(15, unreachable.Span.Line);
        Assert.Equal("each match repeats a match of rule \"v1\", tried first: remove this rule or change its matches", unreachable.Hint);
        var ineffective = messages[1];
        Assert.Equal("IST0131", ineffective.Code);
        Assert.Equal(Severity.Info, ineffective.Severity);
        Assert.Equal("VirtualService rule \"v2\" match \"jason-again\" is not used (duplicate/overlapping match in rule \"v1\").", ineffective.Message);
        Assert.Equal(17, ineffective.Span.Line);
        Assert.Equal("spec.http[1].match[0]", ineffective.FieldPath);
        Assert.Equal("rule \"v1\" has the same match and is tried first: remove this match or the earlier one", ineffective.Hint);
    }

    [Fact]
    public void One_duplicated_match_among_several_is_IST0131_only()
    {
        var findings = Findings("""
            http:
            - match:
              - uri: {exact: /a}
              route:
              - destination: {host: reviews}
            - match:
              - uri: {exact: /b}
              - uri: {exact: /a}
              route:
              - destination: {host: ratings}
            """);
        var f = Assert.Single(findings);
        Assert.Equal(Messages.VirtualServiceIneffectiveMatch, f.Type);
        Assert.Equal(["#1", "#1", "#0"], f.Args);
        Assert.Equal("spec.http[1].match[1]", f.FieldPath);
    }

    [Fact]
    public void Repeated_match_within_one_rule_names_that_rule()
    {
        var f = Assert.Single(Findings("""
            http:
            - match:
              - uri: {exact: /a}
              - uri: {exact: /a}
              route:
              - destination: {host: reviews}
            """));
        Assert.Equal(["#0", "#1", "#0"], f.Args);
        Assert.Equal("this match repeats an earlier match of the same rule: remove it", f.Hint);
    }

    [Fact]
    public void Matches_that_differ_in_any_field_are_not_duplicates()
    {
        Assert.Empty(Findings("""
            http:
            - match:
              - uri: {exact: /a}
                headers:
                  x-user: {exact: a}
              route:
              - destination: {host: reviews}
            - match:
              - uri: {exact: /a}
                headers:
                  x-user: {exact: b}
              route:
              - destination: {host: reviews}
            - match:
              - uri: {prefix: /a}
                port: 8080
              route:
              - destination: {host: reviews}
            - route:
              - destination: {host: reviews}
            """));
    }

    [Fact]
    public void Header_order_and_zero_values_do_not_make_matches_different()
    {
        var findings = Findings("""
            http:
            - match:
              - headers:
                  a: {exact: "1"}
                  b: {prefix: "2"}
                ignoreUriCase: false
                port: 0
              route:
              - destination: {host: reviews}
            - match:
              - headers:
                  b: {prefix: "2"}
                  a: {exact: "1"}
                sourceLabels: {}
              route:
              - destination: {host: reviews}
            """);
        var f = Assert.Single(findings, f => f.Type == Messages.VirtualServiceIneffectiveMatch);
        Assert.Equal(["#1", "#0", "#0"], f.Args);
        Assert.Single(findings, f => f.Type == Messages.VirtualServiceUnreachableRule);
    }

    [Fact]
    public void Uri_prefix_covered_by_an_earlier_prefix_is_IST0131_of_prefix()
    {
        var m = Assert.Single(Analyze("""
            http:
            - name: api
              match:
              - uri: {prefix: /api}
              route:
              - destination: {host: reviews}
            - name: api-v1
              match:
              - name: v1
                uri: {prefix: /api/v1}
              route:
              - destination: {host: ratings}
            """));
        Assert.Equal("IST0131", m.Code);
        Assert.Equal("VirtualService rule \"api-v1\" match \"v1\" of prefix /api/v1 is not used (duplicate/overlapping match in rule #0 of prefix /api on \"api\").", m.Message);
        Assert.Equal(16, m.Span.Line);
        Assert.Equal("rule \"api\" with prefix /api takes these requests first: move this rule above rule \"api\", or remove the match", m.Hint);
    }

    [Fact]
    public void More_specific_prefix_first_is_not_reported()
    {
        Assert.Empty(Findings("""
            http:
            - match:
              - uri: {prefix: /api/v1}
              route:
              - destination: {host: ratings}
            - match:
              - uri: {prefix: /api}
              route:
              - destination: {host: reviews}
            """));
    }

    [Fact]
    public void Missing_method_counts_as_GET_so_a_POST_prefix_is_not_covered_but_an_explicit_GET_is()
    {
        var findings = Findings("""
            http:
            - match:
              - uri: {prefix: /api}
              route:
              - destination: {host: reviews}
            - match:
              - uri: {prefix: /api/orders}
                method: {exact: POST}
              route:
              - destination: {host: orders}
            - match:
              - uri: {prefix: /api/items}
                method: {exact: GET}
              route:
              - destination: {host: items}
            """);
        var f = Assert.Single(findings);
        Assert.Equal(["#2", "#0 of prefix /api/items", "#0 of prefix /api on #0"], f.Args);
    }

    [Fact]
    public void Prefix_on_another_port_or_with_other_headers_is_not_covered()
    {
        Assert.Empty(Findings("""
            http:
            - match:
              - uri: {prefix: /api}
              route:
              - destination: {host: reviews}
            - match:
              - uri: {prefix: /api/v1}
                port: 8080
              route:
              - destination: {host: ratings}
            - match:
              - uri: {prefix: /api/v2}
                headers:
                  x-canary: {exact: "true"}
              route:
              - destination: {host: ratings}
            """));
    }

    [Fact]
    public void Prefix_covered_within_the_same_rule_suggests_removing_the_match()
    {
        var f = Assert.Single(Findings("""
            http:
            - match:
              - uri: {prefix: /}
              - uri: {prefix: /static}
              route:
              - destination: {host: reviews}
            """));
        Assert.Equal(["#0", "#1 of prefix /static", "#0 of prefix / on #0"], f.Args);
        Assert.Equal("prefix / of the same rule already takes these requests: remove this match", f.Hint);
    }

    [Fact]
    public void Equal_prefixes_are_left_to_the_duplicate_check()
    {
        Assert.Empty(Findings("""
            http:
            - match:
              - uri: {prefix: /api}
                headers:
                  x-canary: {exact: "true"}
              route:
              - destination: {host: ratings}
            - match:
              - uri: {prefix: /api}
              route:
              - destination: {host: reviews}
            """));
    }

    [Fact]
    public void Tcp_rules_follow_the_same_order_rules_with_index_ids()
    {
        var findings = Findings("""
            tcp:
            - match:
              - port: 27017
              route:
              - destination: {host: mongo}
            - match:
              - port: 27017
              route:
              - destination: {host: mongo-v2}
            - route:
              - destination: {host: mongo}
            - route:
              - destination: {host: mongo-v3}
            """);
        Assert.Equal(3, findings.Count);
        Assert.Equal(Messages.VirtualServiceIneffectiveMatch, findings[0].Type);
        Assert.Equal(["#1", "#0", "#0"], findings[0].Args);
        Assert.Equal("spec.tcp[1].match[0]", findings[0].FieldPath);
        Assert.Equal(["#1", VirtualServiceReachability.AllMatchesUsed], findings[1].Args);
        Assert.Equal(["#3", VirtualServiceReachability.OnlyLastRuleMatchless], findings[2].Args);
        Assert.Equal("spec.tcp[3]", findings[2].FieldPath);
    }

    [Fact]
    public void Tls_rule_with_the_same_sni_hosts_as_an_earlier_one_is_unreachable()
    {
        var findings = Findings("""
            tls:
            - match:
              - sniHosts: [reviews]
              route:
              - destination: {host: reviews}
            - match:
              - sniHosts: [reviews]
              route:
              - destination: {host: reviews-v2}
            """);
        Assert.Equal(["#1", "#0", "#0"], findings[0].Args);
        Assert.Equal(["#1", VirtualServiceReachability.AllMatchesUsed], findings[1].Args);
        Assert.Equal("spec.tls[1]", findings[1].FieldPath);
    }

    [Fact]
    public void Well_ordered_routes_have_no_findings()
    {
        Assert.Empty(Analyze("""
            http:
            - match:
              - uri: {exact: /login}
              route:
              - destination: {host: auth}
            - match:
              - uri: {prefix: /api}
                method: {exact: POST}
              route:
              - destination: {host: api}
            - route:
              - destination: {host: reviews}
            """));
    }

    [Fact]
    public void Schema_analyzer_lists_the_reachability_codes()
    {
        var codes = new VirtualServiceSchemaAnalyzer().Produces.Select(p => p.Code);
        Assert.Equal(["IST0106", "IST0133", "IST0130", "IST0131"], codes);
    }
}
