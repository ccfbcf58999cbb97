using static Switchyard.Tests.Validation.VirtualServices.VirtualServiceYaml;

namespace Switchyard.Tests.Validation.VirtualServices;

public class TlsAndTcpRouteTests
{
    [Fact]
    public void Sni_routing_within_the_hosts_is_valid()
    {
        AssertValid(With("""
            hosts: ["*.example.com"]
            gateways: [istio-system/passthrough]
            tls:
            - match:
              - sniHosts: [a.example.com, "*.b.example.com"]
                port: 443
                destinationSubnets: [10.0.0.0/8, 192.168.1.1]
                sourceLabels: {app: client}
              route:
              - destination: {host: a.default.svc.cluster.local, port: {number: 443}}
            """));
    }

    [Fact]
    public void A_tls_route_without_matches_is_rejected()
    {
        var yaml = With("""
            hosts: [a.example.com]
            tls:
            - route:
              - destination: {host: a}
            """);
        AssertSingleError(yaml, "spec.tls[0]", "TLS route must have at least one match condition", "- route:");
    }

    [Fact]
    public void A_null_tls_match_is_rejected()
    {
        var yaml = With("""
            hosts: [a.example.com]
            tls:
            - match:
              - null
              route:
              - destination: {host: a}
            """);
        AssertSingleError(yaml, "spec.tls[0].match[0]", "TLS match may not be null", "- null");
    }

    [Fact]
    public void A_tls_match_without_sni_hosts_is_rejected()
    {
        var yaml = With("""
            hosts: [a.example.com]
            tls:
            - match:
              - port: 443
              route:
              - destination: {host: a}
            """);
        AssertSingleError(yaml, "spec.tls[0].match[0]", "TLS match must have at least one SNI host", "- port: 443");
    }

    [Fact]
    public void An_sni_host_outside_the_hosts_is_rejected()
    {
        var yaml = With("""
            hosts: ["*.example.com", b.example.org]
            tls:
            - match:
              - sniHosts:
                - a.example.org
              route:
              - destination: {host: a}
            """);
        AssertSingleError(yaml, "spec.tls[0].match[0].sniHosts[0]",
            "SNI host \"a.example.org\" is not a compatible subset of any of the virtual service hosts: [*.example.com, b.example.org]",
            "- a.example.org");
    }

    [Fact]
    public void A_wildcard_sni_host_wider_than_the_hosts_is_rejected()
    {
        var yaml = With("""
            hosts: ["*.b.example.com"]
            tls:
            - match:
              - sniHosts:
                - "*.example.com"
              route:
              - destination: {host: a}
            """);
        Assert.Equal("spec.tls[0].match[0].sniHosts[0]", Single(yaml).FieldPath);
    }

    [Fact]
    public void An_invalid_sni_host_is_rejected()
    {
        var yaml = With("""
            hosts: [a.example.com]
            tls:
            - match:
              - sniHosts:
                - a..example.com
              route:
              - destination: {host: a}
            """);
        AssertSingleError(yaml, "spec.tls[0].match[0].sniHosts[0]",
            "domain name \".example.com\" invalid (label \"\" invalid)", "- a..example.com");
    }

    [Fact]
    public void An_ip_sni_host_draws_a_warning()
    {
        var yaml = With("""
            hosts: [10.1.2.3]
            tls:
            - match:
              - sniHosts:
                - 10.1.2.3
              route:
              - destination: {host: a}
            """);
        AssertSingleWarning(yaml, "spec.tls[0].match[0].sniHosts[0]",
            "using an IP address (\"10.1.2.3\") goes against SNI spec and most clients do not support this", "- 10.1.2.3");
    }

    [Fact]
    public void A_tls_route_without_route_is_rejected()
    {
        var yaml = With("""
            hosts: [a.example.com]
            tls:
            - match:
              - sniHosts: [a.example.com]
            """);
        AssertSingleError(yaml, "spec.tls[0]", "TLS route is required", "- match:");
    }

    [Fact]
    public void Tls_destination_subnets_port_labels_and_gateways_are_checked()
    {
        var yaml = With("""
            hosts: [a.example.com]
            tls:
            - match:
              - sniHosts: [a.example.com]
                destinationSubnets: [10.0.0.0/33]
                port: 0
                sourceLabels: {"bad key": x}
                gateways: [ns/Bad_GW]
              route:
              - destination: {host: a}
            """);
        AssertHasError(yaml, "spec.tls[0].match[0].destinationSubnets[0]", "10.0.0.0/33 is not a valid CIDR block", "destinationSubnets:");
        AssertHasError(yaml, "spec.tls[0].match[0].sourceLabels", "invalid tag key: \"bad key\"", "sourceLabels:");
        AssertHasError(yaml, "spec.tls[0].match[0].gateways[0]", "invalid value for gateway name: \"Bad_GW\"", "gateways:");
        Assert.Equal(3, Validate(yaml).Count);
    }

    [Fact]
    public void Tls_route_weights_follow_the_http_rules()
    {
        var yaml = With("""
            hosts: [a.example.com]
            tls:
            - match:
              - sniHosts: [a.example.com]
              route:
              - destination: {host: a}
              - destination: {host: b}
            """);
        AssertSingleError(yaml, "spec.tls[0].route", "total destination weight = 0", "route:");
    }

    [Fact]
    public void A_tcp_route_is_valid_with_or_without_matches()
    {
        AssertValid(With("""
            hosts: [mongo]
            tcp:
            - match:
              - port: 27017
                destinationSubnets: ["2001:db8::/32"]
                sourceNamespace: clients
              route:
              - destination: {host: mongo, port: {number: 5555}}
            - route:
              - destination: {host: mongo-backup}
            """));
    }

    [Fact]
    public void A_null_tcp_match_is_rejected()
    {
        var yaml = With("""
            hosts: [mongo]
            tcp:
            - match:
              - null
              route:
              - destination: {host: mongo}
            """);
        AssertSingleError(yaml, "spec.tcp[0].match[0]", "tcp match may not be nil", "- null");
    }

    [Fact]
    public void A_tcp_route_without_route_is_rejected()
    {
        var yaml = With("""
            hosts: [mongo]
            tcp:
            - match:
              - port: 27017
            """);
        AssertSingleError(yaml, "spec.tcp[0]", "TCP route is required", "- match:");
    }

    [Fact]
    public void Tcp_match_subnet_and_port_are_checked()
    {
        var yaml = With("""
            hosts: [mongo]
            tcp:
            - match:
              - destinationSubnets: [not-an-ip]
                port: 70000
              route:
              - destination: {host: mongo}
            """);
        AssertHasError(yaml, "spec.tcp[0].match[0].destinationSubnets[0]", "not-an-ip is not a valid IP", "destinationSubnets:");
        AssertHasError(yaml, "spec.tcp[0].match[0].port", "port number 70000 must be in the range 1..65535", "port:");
    }

    [Fact]
    public void Tcp_destinations_are_checked()
    {
        var yaml = With("""
            hosts: [mongo]
            tcp:
            - route:
              - destination:
                  host: "*"
                weight: -1
            """);
        AssertHasError(yaml, "spec.tcp[0].route[0].destination.host", "invalid destination host *", "host:");
        AssertHasError(yaml, "spec.tcp[0].route[0].weight", "weight -1 < 0", "weight:");
    }

    [Fact]
    public void A_null_tcp_route_passes_as_in_istio()
    {
        AssertValid(With("""
            hosts: [mongo]
            tcp:
            - null
            """));
    }
}
