using Switchyard.Diagnostics;
using static Switchyard.Tests.Validation.VirtualServices.VirtualServiceYaml;

namespace Switchyard.Tests.Validation.VirtualServices;

public class HostsAndGatewaysTests
{
    private const string Route = """
        http:
        - route:
          - destination: {host: reviews}
        """;

    [Fact]
    public void An_invalid_host_is_rejected()
    {
        var yaml = With("""
            hosts:
            - reviews
            - bad_host.example.com
            """ + "\n" + Route);
        AssertSingleError(yaml, "spec.hosts[1]",
            "domain name \"bad_host.example.com\" invalid (label \"bad_host\" invalid)", "bad_host");
    }

    [Fact]
    public void An_ip_address_host_is_accepted()
    {
        AssertValid(With("""
            hosts: [10.0.0.1, reviews]
            """ + "\n" + Route));
    }

    [Fact]
    public void Star_host_is_rejected_for_the_mesh()
    {
        var yaml = With("""
            hosts: ["*"]
            """ + "\n" + Route);
        AssertSingleError(yaml, "spec.hosts[0]",
            "wildcard host * is not allowed for virtual services bound to the mesh gateway", "hosts:");
    }

    [Fact]
    public void Star_host_is_rejected_when_mesh_is_among_the_gateways()
    {
        var yaml = With("""
            hosts: ["*"]
            gateways: [mesh, istio-system/ingress]
            """ + "\n" + Route);
        AssertSingleError(yaml, "spec.hosts[0]",
            "wildcard host * is not allowed for virtual services bound to the mesh gateway", "hosts:");
    }

    [Fact]
    public void Star_host_is_accepted_on_a_gateway_only()
    {
        AssertValid(With("""
            hosts: ["*"]
            gateways: [istio-system/ingress]
            """ + "\n" + Route));
    }

    [Fact]
    public void A_host_covered_by_a_wildcard_host_is_a_duplicate()
    {
        var yaml = With("""
            hosts:
            - "*.foo.com"
            - a.foo.com
            """ + "\n" + Route);
        AssertSingleError(yaml, "spec.hosts[1]", "duplicate hosts in virtual service: *.foo.com & a.foo.com", "a.foo.com");
    }

    [Fact]
    public void Nested_wildcard_hosts_are_duplicates()
    {
        var yaml = With("""
            hosts:
            - "*.com"
            - "*.foo.com"
            """ + "\n" + Route);
        AssertSingleError(yaml, "spec.hosts[1]", "duplicate hosts in virtual service: *.com & *.foo.com", "*.foo.com");
    }

    [Fact]
    public void Literal_duplicate_hosts_are_rejected()
    {
        var yaml = With("""
            hosts:
            - reviews
            - reviews
            """ + "\n" + Route);
        AssertSingleError(yaml, "spec.hosts[1]", "duplicate hosts in virtual service: reviews & reviews", line: 9);
    }

    [Fact]
    public void Hosts_are_not_compared_when_one_is_invalid()
    {
        var yaml = With("""
            hosts: [reviews, reviews, -bad]
            """ + "\n" + Route);
        var d = Single(yaml);
        Assert.Equal("spec.hosts[2]", d.FieldPath);
    }

    [Fact]
    public void Sibling_hosts_do_not_overlap()
    {
        AssertValid(With("""
            hosts: ["*.foo.com", "*.bar.com", foo.com]
            """ + "\n" + Route));
    }

    [Fact]
    public void Gateway_with_invalid_namespace_is_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            gateways:
            - Istio_System/ingress
            """ + "\n" + Route);
        AssertSingleError(yaml, "spec.gateways[0]", "invalid value for namespace: \"Istio_System\"", "Istio_System");
    }

    [Fact]
    public void Gateway_with_invalid_name_is_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            gateways:
            - istio-system/in.gress
            """ + "\n" + Route);
        AssertSingleError(yaml, "spec.gateways[0]", "invalid value for gateway name: \"in.gress\"", "in.gress");
    }

    [Fact]
    public void Gateway_with_empty_namespace_is_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            gateways:
            - /ingress
            """ + "\n" + Route);
        AssertHasError(yaml, "spec.gateways[0]", "config namespace and gateway name cannot be empty", "/ingress");
    }

    [Fact]
    public void Dotted_bare_gateway_name_gets_a_legacy_format_warning()
    {
        var yaml = With("""
            hosts: [reviews]
            gateways:
            - ingress.istio-system
            """ + "\n" + Route);
        AssertSingleWarning(yaml, "spec.gateways[0]",
            "using legacy gatewayName format \"ingress.istio-system\"; prefer the <namespace>/<name> format: \"istio-system/ingress\"",
            "ingress.istio-system");
    }

    [Fact]
    public void Bare_gateway_name_must_be_a_valid_fqdn()
    {
        var yaml = With("""
            hosts: [reviews]
            gateways:
            - Bad_Gateway
            """ + "\n" + Route);
        AssertSingleError(yaml, "spec.gateways[0]",
            "domain name \"Bad_Gateway\" invalid (label \"Bad_Gateway\" invalid)", "Bad_Gateway");
    }

    [Fact]
    public void Entries_after_the_first_bare_gateway_name_go_unchecked_as_in_istio()
    {
        AssertValid(With("""
            hosts: [reviews]
            gateways:
            - mesh
            - Bad_NS/x
            """ + "\n" + Route));
    }

    [Fact]
    public void Match_gateways_are_checked_like_top_level_gateways()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - match:
              - gateways: [ns/Bad_Name]
              route:
              - destination: {host: reviews}
            """);
        AssertSingleError(yaml, "spec.http[0].match[0].gateways[0]", "invalid value for gateway name: \"Bad_Name\"", "Bad_Name");
    }

    [Fact]
    public void Jwt_claim_routing_is_rejected_for_the_mesh()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - match:
              - headers:
                  "@request.auth.claims.group": {exact: admin}
              route:
              - destination: {host: reviews}
            """);
        AssertSingleError(yaml, "spec.http[0].match[0].headers.@request.auth.claims.group",
            "JWT claim based routing (key: @request.auth.claims.group) is only supported for gateway, found no gateways: []",
            "@request.auth.claims.group");
    }

    [Fact]
    public void Jwt_claim_routing_in_without_headers_is_rejected_when_mesh_is_listed()
    {
        var yaml = With("""
            hosts: [reviews]
            gateways: [mesh]
            http:
            - match:
              - withoutHeaders:
                  "@request.auth.claims[group]": {exact: admin}
              route:
              - destination: {host: reviews}
            """);
        AssertSingleError(yaml, "spec.http[0].match[0].withoutHeaders.@request.auth.claims[group]",
            "JWT claim based routing (key: @request.auth.claims[group]) is only supported for gateway, found no gateways: [mesh]",
            "@request.auth.claims[group]");
    }

    [Fact]
    public void Jwt_claim_routing_is_accepted_on_a_gateway()
    {
        AssertValid(With("""
            hosts: [reviews.example.com]
            gateways: [istio-system/ingress]
            http:
            - match:
              - headers:
                  "@request.auth.claims.group": {exact: admin}
              route:
              - destination: {host: reviews}
            """));
    }

    [Fact]
    public void Warnings_do_not_count_as_errors()
    {
        var yaml = With("""
            hosts: [reviews]
            gateways: [ingress.istio-system]
            """ + "\n" + Route);
        Assert.All(Validate(yaml), d => Assert.Equal(Severity.Warning, d.Severity));
    }
}
