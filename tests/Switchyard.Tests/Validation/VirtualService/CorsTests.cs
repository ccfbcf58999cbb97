using static Switchyard.Tests.Validation.VirtualServices.VirtualServiceYaml;

namespace Switchyard.Tests.Validation.VirtualServices;

public class CorsTests
{
    private static string Cors(string cors) => With("""
        hosts: [reviews]
        http:
        - route:
          - destination: {host: reviews}
          corsPolicy:
        """ + "\n" + string.Join('\n', cors.Split('\n').Select(l => "    " + l)));

    [Fact]
    public void A_full_cors_policy_is_valid()
    {
        AssertValid(Cors("""
            allowOrigins:
            - exact: https://example.com
            - regex: "https://.*\\.example\\.com"
            allowMethods: [GET, POST, "*"]
            allowHeaders: [authorization, "*"]
            exposeHeaders: [x-request-id]
            maxAge: 24h
            allowCredentials: true
            unmatchedPreflights: IGNORE
            """));
    }

    [Fact]
    public void An_allow_origin_without_a_value_is_rejected()
    {
        var yaml = Cors("""
            allowOrigins:
            - exact: ""
            """);
        AssertSingleError(yaml, "spec.http[0].corsPolicy.allowOrigins[0]",
            "'' is not a valid match type for CORS allow origins", "exact:");
    }

    [Fact]
    public void An_allow_origin_with_an_invalid_regex_is_rejected()
    {
        var yaml = Cors("""
            allowOrigins:
            - regex: "(unclosed"
            """);
        var d = Single(yaml);
        Assert.Equal("spec.http[0].corsPolicy.allowOrigins[0].regex", d.FieldPath);
        Assert.StartsWith("\"corsPolicy.allowOrigins\": ", d.Message);
        Assert.Equal(Line(yaml, "regex:"), d.Span.Line);
    }

    [Fact]
    public void An_unknown_method_is_rejected()
    {
        var yaml = Cors("""
            allowMethods: [GET, get]
            """);
        AssertSingleError(yaml, "spec.http[0].corsPolicy.allowMethods[1]", "\"get\" is not a supported HTTP method", "allowMethods:");
    }

    [Fact]
    public void An_allow_header_that_is_not_a_token_is_rejected()
    {
        var yaml = Cors("""
            allowHeaders: ["x header"]
            """);
        AssertSingleError(yaml, "spec.http[0].corsPolicy.allowHeaders[0]", "header name x header is not a valid header name", "allowHeaders:");
    }

    [Fact]
    public void An_expose_header_that_is_empty_is_rejected()
    {
        var yaml = Cors("""
            exposeHeaders: [""]
            """);
        AssertSingleError(yaml, "spec.http[0].corsPolicy.exposeHeaders[0]", "header name cannot be empty", "exposeHeaders:");
    }

    [Fact]
    public void Max_age_with_a_fraction_of_a_second_is_rejected()
    {
        var yaml = Cors("""
            maxAge: 1500ms
            """);
        AssertSingleError(yaml, "spec.http[0].corsPolicy.maxAge", "max_age duration is accurate only to seconds precision", "maxAge:");
    }

    [Fact]
    public void Max_age_below_a_millisecond_is_rejected()
    {
        var yaml = Cors("""
            maxAge: 0s
            """);
        AssertSingleError(yaml, "spec.http[0].corsPolicy.maxAge", "duration must be greater than 1ms", "maxAge:");
    }
}
