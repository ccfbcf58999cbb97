using static Switchyard.Tests.Validation.VirtualServices.VirtualServiceYaml;

namespace Switchyard.Tests.Validation.VirtualServices;

public class HttpMatchTests
{
    private static string Match(string match) => With($"""
        hosts: [reviews]
        http:
        - match:
        {string.Join('\n', match.Split('\n').Select(l => "  " + l))}
          route:
          - destination: {"{host: reviews}"}
        """);

    [Fact]
    public void A_full_match_block_is_valid()
    {
        AssertValid(Match("""
            - name: all
              uri: {regex: "/reviews/[0-9]+"}
              scheme: {exact: https}
              method: {prefix: P}
              authority: {regex: ".*\\.example\\.com"}
              headers:
                x-user: {exact: jason}
                x-present: {}
                ":method": {exact: GET}
              queryParams:
                debug: {exact: ""}
              withoutHeaders:
                x-canary: {regex: "*"}
              port: 9080
              sourceLabels: {app: productpage, version: v1}
              sourceNamespace: frontend
              ignoreUriCase: true
            """));
    }

    [Fact]
    public void A_null_header_match_is_rejected()
    {
        var yaml = Match("""
            - headers:
                x-user: null
            """);
        AssertSingleError(yaml, "spec.http[0].match[0].headers.x-user", "header match x-user cannot be null", "x-user");
    }

    [Fact]
    public void A_header_name_that_is_not_a_token_is_rejected()
    {
        var yaml = Match("""
            - headers:
                "x user": {exact: a}
            """);
        AssertSingleError(yaml, "spec.http[0].match[0].headers.x user", "header name x user is not a valid header name", "x user");
    }

    [Fact]
    public void An_empty_header_prefix_is_rejected()
    {
        var yaml = Match("""
            - headers:
                x-user:
                  prefix: ""
            """);
        AssertSingleError(yaml, "spec.http[0].match[0].headers.x-user.prefix",
            "\"headers\": prefix string match should not be empty", "prefix:");
    }

    [Fact]
    public void An_empty_uri_prefix_is_allowed()
    {
        AssertValid(Match("""
            - uri: {prefix: ""}
            """));
    }

    [Theory]
    [InlineData("scheme")]
    [InlineData("method")]
    [InlineData("authority")]
    public void An_empty_prefix_is_rejected_for(string field)
    {
        var yaml = Match($"""
            - {field}:
                prefix: ""
            """);
        AssertSingleError(yaml, $"spec.http[0].match[0].{field}.prefix",
            $"\"{field}\": prefix string match should not be empty", "prefix:");
    }

    [Fact]
    public void An_empty_query_param_prefix_is_rejected()
    {
        var yaml = Match("""
            - queryParams:
                page:
                  prefix: ""
            """);
        AssertSingleError(yaml, "spec.http[0].match[0].queryParams.page.prefix",
            "\"queryParams\": prefix string match should not be empty", "prefix:");
    }

    [Fact]
    public void An_empty_without_headers_prefix_is_rejected()
    {
        var yaml = Match("""
            - withoutHeaders:
                x-canary:
                  prefix: ""
            """);
        AssertSingleError(yaml, "spec.http[0].match[0].withoutHeaders.x-canary.prefix",
            "\"withoutHeaders\": prefix string match should not be empty", "prefix:");
    }

    [Fact]
    public void A_uri_regex_with_lookahead_is_rejected_as_not_re2()
    {
        var yaml = Match("""
            - uri:
                regex: "/search/(?=beta).*"
            """);
        var d = Single(yaml);
        Assert.Equal("spec.http[0].match[0].uri.regex", d.FieldPath);
        Assert.StartsWith("\"uri\": ", d.Message);
        Assert.EndsWith("; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)", d.Message);
        Assert.Equal(Line(yaml, "regex:"), d.Span.Line);
    }

    [Fact]
    public void The_broken_bad_regex_example_is_rejected()
    {
        var result = Switchyard.Loading.ConfigLoader.LoadPaths([Path.Combine(AppContext.BaseDirectory, "examples", "broken", "bad-regex.yaml")]);
        var vs = Assert.Single(result.Resources.OfType<Switchyard.Model.Networking.VirtualService>());
        var d = Assert.Single(Switchyard.Validation.ResourceValidator.Validate(vs));
        Assert.Equal("spec.http[0].match[0].uri.regex", d.FieldPath);
        Assert.Equal(12, d.Span.Line);
    }

    [Fact]
    public void An_empty_regex_is_rejected()
    {
        var yaml = Match("""
            - method:
                regex: ""
            """);
        AssertSingleError(yaml, "spec.http[0].match[0].method.regex",
            "\"method\": regex string match should not be empty", "regex:");
    }

    [Fact]
    public void A_regex_longer_than_1024_bytes_is_rejected()
    {
        var yaml = Match($"""
            - headers:
                x-long:
                  regex: "{new string('a', 1025)}"
            """);
        AssertSingleError(yaml, "spec.http[0].match[0].headers.x-long.regex",
            "\"headers\": regex is too large, max length allowed is 1024", "regex:");
    }

    [Fact]
    public void A_regex_of_exactly_1024_bytes_is_accepted()
    {
        AssertValid(Match($"""
            - authority:
                regex: "{new string('a', 1024)}"
            """));
    }

    [Fact]
    public void An_invalid_query_param_regex_is_rejected()
    {
        var yaml = Match("""
            - queryParams:
                id:
                  regex: "[0-9"
            """);
        var d = Single(yaml);
        Assert.Equal("spec.http[0].match[0].queryParams.id.regex", d.FieldPath);
        Assert.StartsWith("\"queryParams\": ", d.Message);
    }

    [Fact]
    public void Star_in_without_headers_regex_means_present_and_is_accepted()
    {
        AssertValid(Match("""
            - withoutHeaders:
                x-canary: {regex: "*"}
            """));
    }

    [Fact]
    public void Star_in_a_header_regex_is_not_re2_and_is_rejected()
    {
        var yaml = Match("""
            - headers:
                x-canary: {regex: "*"}
            """);
        Assert.Equal("spec.http[0].match[0].headers.x-canary.regex", Single(yaml).FieldPath);
    }

    [Fact]
    public void Match_port_zero_means_unset_but_above_65535_is_rejected()
    {
        var yaml = Match("""
            - port: 70000
            """);
        AssertSingleError(yaml, "spec.http[0].match[0].port", "port number 70000 must be in the range 1..65535", "port:");
    }

    [Fact]
    public void Invalid_source_labels_are_rejected()
    {
        var yaml = Match("""
            - sourceLabels:
                "bad key!": v1
            """);
        AssertSingleError(yaml, "spec.http[0].match[0].sourceLabels", "invalid tag key: \"bad key!\"", "sourceLabels:");
    }

    [Fact]
    public void An_invalid_source_namespace_is_rejected()
    {
        var yaml = Match("""
            - sourceNamespace: Front_End
            """);
        AssertSingleError(yaml, "spec.http[0].match[0].sourceNamespace", "sourceNamespace match Front_End is invalid", "sourceNamespace:");
    }

    [Fact]
    public void A_null_match_entry_passes_as_in_istio()
    {
        AssertValid(Match("""
            - null
            """));
    }
}
