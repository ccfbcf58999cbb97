using static Switchyard.Tests.Validation.VirtualServices.VirtualServiceYaml;

namespace Switchyard.Tests.Validation.VirtualServices;

public class RetriesAndRewriteTests
{
    private static string RouteWith(string extra) => With("""
        hosts: [reviews]
        http:
        - route:
          - destination: {host: reviews}
        """ + "\n" + string.Join('\n', extra.Split('\n').Select(l => "  " + l)));

    [Fact]
    public void A_full_retry_policy_is_valid()
    {
        AssertValid(RouteWith("""
            retries:
              attempts: 3
              perTryTimeout: 2s
              retryOn: gateway-error,connect-failure,503,retriable-4xx
              retryRemoteLocalities: true
              backoff: 50ms
            """));
    }

    [Fact]
    public void Zero_attempts_alone_disables_retries_and_is_valid()
    {
        AssertValid(RouteWith("""
            retries: {attempts: 0}
            """));
    }

    [Fact]
    public void Negative_attempts_are_rejected()
    {
        var yaml = RouteWith("""
            retries:
              attempts: -1
            """);
        AssertSingleError(yaml, "spec.http[0].retries.attempts", "attempts cannot be negative", "attempts:");
    }

    [Fact]
    public void A_retry_policy_with_zero_attempts_is_rejected()
    {
        var yaml = RouteWith("""
            retries:
              attempts: 0
              perTryTimeout: 1s
            """);
        AssertSingleError(yaml, "spec.http[0].retries.attempts",
            "http retry policy configured when attempts are set to 0 (disabled)", "attempts:");
    }

    [Fact]
    public void A_retry_policy_without_attempts_counts_as_zero_attempts()
    {
        var yaml = RouteWith("""
            retries:
              retryOn: 5xx
            """);
        AssertSingleError(yaml, "spec.http[0].retries",
            "http retry policy configured when attempts are set to 0 (disabled)", "retries:");
    }

    [Fact]
    public void An_unknown_retry_on_policy_is_rejected()
    {
        var yaml = RouteWith("""
            retries:
              attempts: 2
              retryOn: 5xx,sometimes
            """);
        var d = Single(yaml);
        Assert.Equal("spec.http[0].retries.retryOn", d.FieldPath);
        Assert.StartsWith("\"sometimes\" is not a valid retryOn policy", d.Message);
        Assert.Equal(Line(yaml, "retryOn:"), d.Span.Line);
    }

    [Fact]
    public void Retry_on_items_are_not_trimmed()
    {
        var yaml = RouteWith("""
            retries:
              attempts: 2
              retryOn: "5xx, reset"
            """);
        Assert.StartsWith("\" reset\" is not a valid retryOn policy", Single(yaml).Message);
    }

    [Fact]
    public void A_status_code_go_does_not_know_is_rejected_in_retry_on()
    {
        var yaml = RouteWith("""
            retries:
              attempts: 2
              retryOn: "599"
            """);
        Assert.StartsWith("\"599\" is not a valid retryOn policy", Single(yaml).Message);
    }

    [Fact]
    public void Per_try_timeout_and_backoff_follow_the_duration_rule()
    {
        var yaml = RouteWith("""
            retries:
              attempts: 2
              perTryTimeout: 0.5ms
              backoff: 1.5ms
            """);
        AssertHasError(yaml, "spec.http[0].retries.perTryTimeout", "duration must be greater than 1ms", "perTryTimeout:");
        AssertHasError(yaml, "spec.http[0].retries.backoff", "only durations to ms precision are supported", "backoff:");
        Assert.Equal(2, Validate(yaml).Count);
    }

    [Fact]
    public void Rewrites_of_uri_authority_and_regex_are_valid()
    {
        AssertValid(RouteWith("""
            rewrite: {uri: /v2, authority: reviews.internal}
            """));
        AssertValid(RouteWith("""
            rewrite:
              uriRegexRewrite: {match: "^/service/([^/]+)(/.*)$", rewrite: "\\2/instance/\\1"}
            """));
    }

    [Fact]
    public void Uri_and_uri_regex_rewrite_together_are_rejected()
    {
        var yaml = RouteWith("""
            rewrite:
              uri: /v2
              uriRegexRewrite: {match: "^/v1", rewrite: /v2}
            """);
        AssertSingleError(yaml, "spec.http[0].rewrite.uriRegexRewrite",
            "rewrite may only contain one of URI or UriRegexRewrite", "uriRegexRewrite:");
    }

    [Fact]
    public void An_empty_rewrite_is_rejected()
    {
        var yaml = RouteWith("""
            rewrite: {}
            """);
        AssertSingleError(yaml, "spec.http[0].rewrite",
            "rewrite must specify at least one of URI, UriRegexRewrite, or authority. Only one of URI or UriRegexRewrite may be specified",
            "rewrite:");
    }

    [Fact]
    public void A_uri_regex_rewrite_without_rewrite_is_rejected()
    {
        var yaml = RouteWith("""
            rewrite:
              uriRegexRewrite:
                match: "^/v1"
            """);
        AssertSingleError(yaml, "spec.http[0].rewrite.uriRegexRewrite",
            "UriRegexRewrite has errors: UriRegexRewrite requires both Rewrite and Match fields to be specified", "uriRegexRewrite:");
    }

    [Fact]
    public void A_uri_regex_rewrite_with_an_invalid_regex_is_rejected()
    {
        var yaml = RouteWith("""
            rewrite:
              uriRegexRewrite:
                match: "^/(?<name>x)\\k<name>"
                rewrite: /y
            """);
        var d = Single(yaml);
        Assert.Equal("spec.http[0].rewrite.uriRegexRewrite.match", d.FieldPath);
        Assert.StartsWith("\"HTTPRewrite.UriRegexRewrite.Match\": ", d.Message);
        Assert.Equal(Line(yaml, "match:"), d.Span.Line);
    }
}
