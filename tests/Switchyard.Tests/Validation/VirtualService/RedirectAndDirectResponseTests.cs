using static Switchyard.Tests.Validation.VirtualServices.VirtualServiceYaml;

namespace Switchyard.Tests.Validation.VirtualServices;

public class RedirectAndDirectResponseTests
{
    private static string Redirect(string redirect) => With("""
        hosts: [reviews]
        http:
        - redirect:
        """ + "\n"
        + string.Join('\n', redirect.Split('\n').Select(l => "    " + l)));

    [Fact]
    public void A_redirect_with_code_and_scheme_is_valid()
    {
        AssertValid(Redirect("""
            uri: /v2
            authority: new.example.com
            scheme: https
            port: 8443
            redirectCode: 308
            """));
        AssertValid(Redirect("""
            derivePort: FROM_REQUEST_PORT
            """));
    }

    [Fact]
    public void An_empty_redirect_is_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - redirect: {redirectCode: 302}
            """);
        AssertSingleError(yaml, "spec.http[0].redirect",
            "redirect must specify URI, prefixRewrite, authority, scheme, or port", "redirect:");
    }

    [Fact]
    public void A_non_3xx_redirect_code_is_rejected()
    {
        var yaml = Redirect("""
            uri: /v2
            redirectCode: 200
            """);
        AssertSingleError(yaml, "spec.http[0].redirect.redirectCode", "200 is not a valid redirect code, must be 3xx", "redirectCode:");
    }

    [Fact]
    public void A_scheme_other_than_http_or_https_is_rejected()
    {
        var yaml = Redirect("""
            scheme: ftp
            """);
        AssertSingleError(yaml, "spec.http[0].redirect.scheme", "invalid redirect scheme, must be \"http\" or \"https\"", "scheme:");
    }

    [Fact]
    public void A_redirect_port_out_of_range_is_rejected()
    {
        var yaml = Redirect("""
            port: 99999
            """);
        AssertSingleError(yaml, "spec.http[0].redirect.port", "port number 99999 must be in the range 1..65535", "port:");
    }

    [Fact]
    public void Uri_and_prefix_rewrite_together_are_rejected()
    {
        var yaml = Redirect("""
            uri: /v2
            prefixRewrite: /v3
            """);
        AssertSingleError(yaml, "spec.http[0].redirect.prefixRewrite", "redirect may only contain one of URI or prefixRewrite", "prefixRewrite:");
    }

    [Fact]
    public void Prefix_rewrite_with_prefix_matches_is_valid()
    {
        AssertValid(With("""
            hosts: [reviews]
            http:
            - match:
              - uri: {prefix: /v1}
              - headers: {x-any: {}}
              redirect:
                prefixRewrite: /v2
            """));
    }

    [Fact]
    public void Prefix_rewrite_with_an_exact_uri_match_is_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - match:
              - uri: {prefix: /v1}
              - uri: {exact: /old}
              redirect:
                prefixRewrite: /v2
            """);
        AssertSingleError(yaml, "spec.http[0].match[1].uri",
            "redirect prefixRewrite requires every uri match to be a prefix match, but this one uses exact match", "exact: /old");
    }

    [Fact]
    public void A_direct_response_status_outside_200_to_600_is_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - directResponse:
                status: 199
            """);
        AssertSingleError(yaml, "spec.http[0].directResponse.status", "HTTP status 199 is not in range 200-599", "status:");
    }

    [Fact]
    public void A_direct_response_without_status_is_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - directResponse:
                body: {string: hello}
            """);
        AssertSingleError(yaml, "spec.http[0].directResponse.status", "HTTP status 0 is not in range 200-599", "directResponse:");
    }

    [Fact]
    public void A_direct_response_body_over_100_KiB_draws_a_warning()
    {
        var yaml = With($"""
            hosts: [reviews]
            http:
            - directResponse:
                status: 200
                body:
                  string: "{new string('x', 100 * 1024 + 1)}"
            """);
        AssertSingleWarning(yaml, "spec.http[0].directResponse.body", "large direct_responses may impact control plane performance", "body:");
    }

    [Fact]
    public void A_direct_response_body_of_100_KiB_is_accepted()
    {
        AssertValid(With($"""
            hosts: [reviews]
            http:
            - directResponse:
                status: 200
                body:
                  string: "{new string('x', 100 * 1024)}"
            """));
    }

    [Fact]
    public void A_direct_response_string_body_over_1_MiB_is_rejected()
    {
        var yaml = With($"""
            hosts: [reviews]
            http:
            - directResponse:
                status: 200
                body:
                  string: "{new string('x', 1024 * 1024 + 1)}"
            """);
        AssertSingleError(yaml, "spec.http[0].directResponse.body",
            "large direct_responses may impact control plane performance, must be less than 1MB", "body:");
    }

    [Fact]
    public void Bytes_bodies_are_measured_after_base64_decoding()
    {
        // 1 MiB + 3 bytes decoded is 1398108 base64 characters: over the limit once decoded.
        var over = Convert.ToBase64String(new byte[1024 * 1024 + 3]);
        var yaml = With($"""
            hosts: [reviews]
            http:
            - directResponse:
                status: 200
                body:
                  bytes: {over}
            """);
        AssertSingleError(yaml, "spec.http[0].directResponse.body",
            "large direct_responses may impact control plane performance, must be less than 1MB", "body:");

        // 900 KiB decoded is 1.2 MB of base64 text: only a warning, as the decoded size counts.
        var under = Convert.ToBase64String(new byte[900 * 1024]);
        var warn = With($"""
            hosts: [reviews]
            http:
            - directResponse:
                status: 200
                body:
                  bytes: {under}
            """);
        AssertSingleWarning(warn, "spec.http[0].directResponse.body", "large direct_responses may impact control plane performance", "body:");
    }

    [Fact]
    public void A_bytes_body_that_is_not_base64_is_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - directResponse:
                status: 200
                body:
                  bytes: "not base64!"
            """);
        AssertSingleError(yaml, "spec.http[0].directResponse.body.bytes", "body.bytes is not valid base64", "bytes:");
    }
}
