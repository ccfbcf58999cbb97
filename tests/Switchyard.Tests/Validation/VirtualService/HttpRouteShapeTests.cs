using static Switchyard.Tests.Validation.VirtualServices.VirtualServiceYaml;

namespace Switchyard.Tests.Validation.VirtualServices;

public class HttpRouteShapeTests
{
    [Fact]
    public void A_rule_without_route_redirect_or_direct_response_is_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - name: nothing
              timeout: 1s
            """);
        AssertSingleError(yaml, "spec.http[0]", "HTTP route, redirect or direct_response is required", "- name: nothing");
    }

    [Fact]
    public void Route_and_redirect_together_are_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - redirect: {uri: /v2}
              route:
              - destination: {host: reviews}
            """);
        AssertSingleError(yaml, "spec.http[0].route", "HTTP route cannot contain both route and redirect", "route:");
    }

    [Fact]
    public void Fault_with_redirect_is_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - redirect: {uri: /v2}
              fault:
                abort: {httpStatus: 503}
            """);
        AssertSingleError(yaml, "spec.http[0].fault", "HTTP route cannot contain both fault and redirect", "fault:");
    }

    [Fact]
    public void Rewrite_with_redirect_is_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - redirect: {uri: /v2}
              rewrite: {uri: /v3}
            """);
        AssertSingleError(yaml, "spec.http[0].rewrite", "HTTP route rule cannot contain both rewrite and redirect", "rewrite:");
    }

    [Fact]
    public void Direct_response_with_redirect_is_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - redirect: {uri: /v2}
              directResponse: {status: 200}
            """);
        AssertSingleError(yaml, "spec.http[0].directResponse",
            "HTTP route rule cannot contain both direct_response and redirect", "directResponse:");
    }

    [Fact]
    public void Route_with_direct_response_is_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - directResponse: {status: 200}
              route:
              - destination: {host: reviews}
            """);
        AssertSingleError(yaml, "spec.http[0].route", "HTTP route cannot contain both route and direct_response", "route:");
    }

    [Fact]
    public void Fault_with_direct_response_is_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - directResponse: {status: 200}
              fault:
                delay: {fixedDelay: 1s}
            """);
        AssertSingleError(yaml, "spec.http[0].fault", "HTTP route cannot contain both fault and direct_response", "fault:");
    }

    [Fact]
    public void Rewrite_with_direct_response_is_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - directResponse: {status: 200}
              rewrite: {authority: other}
            """);
        AssertSingleError(yaml, "spec.http[0].rewrite",
            "HTTP route rule cannot contain both rewrite and direct_response", "rewrite:");
    }

    [Fact]
    public void A_direct_response_alone_is_valid()
    {
        AssertValid(With("""
            hosts: [reviews]
            http:
            - directResponse:
                status: 503
                body: {string: "down for maintenance"}
            """));
    }

    [Fact]
    public void Mirror_and_mirrors_together_are_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - route:
              - destination: {host: reviews}
              mirror: {host: shadow}
              mirrors:
              - destination: {host: shadow2}
            """);
        AssertSingleError(yaml, "spec.http[0].mirrors", "HTTP route cannot contain both mirror and mirrors", "mirrors:");
    }

    [Fact]
    public void A_root_rule_with_delegate_may_not_redirect()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - name: api
              delegate: {name: reviews-api}
              redirect: {uri: /v2}
            """);
        AssertSingleError(yaml, "spec.http[0].redirect", "root HTTP route api must not specify redirect", "redirect:");
    }

    [Fact]
    public void A_root_rule_with_delegate_may_not_route()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - delegate: {name: reviews-api, namespace: api}
              route:
              - destination: {host: reviews}
            """);
        AssertSingleError(yaml, "spec.http[0].route", "root HTTP route must not specify route", "route:");
    }

    [Fact]
    public void A_root_rule_with_only_delegate_is_valid()
    {
        AssertValid(With("""
            hosts: [reviews]
            http:
            - match:
              - uri: {prefix: /api}
              delegate: {name: reviews-api, namespace: api}
            """));
    }

    [Fact]
    public void A_rule_in_a_delegate_virtual_service_may_not_delegate_again()
    {
        var yaml = With("""
            http:
            - delegate: {name: deeper}
              route:
              - destination: {host: reviews}
            """);
        AssertSingleError(yaml, "spec.http[0].delegate", "delegate HTTP route cannot contain delegate", "delegate:");
    }

    [Fact]
    public void Timeout_below_one_millisecond_is_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - route:
              - destination: {host: reviews}
              timeout: 500us
            """);
        AssertSingleError(yaml, "spec.http[0].timeout", "duration must be greater than 1ms", "timeout:");
    }

    [Fact]
    public void Timeout_with_sub_millisecond_part_is_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - route:
              - destination: {host: reviews}
              timeout: 1.0005s
            """);
        AssertSingleError(yaml, "spec.http[0].timeout", "only durations to ms precision are supported", "timeout:");
    }
}
