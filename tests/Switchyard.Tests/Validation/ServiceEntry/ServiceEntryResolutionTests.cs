using static Switchyard.Tests.Validation.ServiceEntries.ValidationAssert;

namespace Switchyard.Tests.Validation.ServiceEntries;

// YAML starts with ServiceEntryHostAndSelectorTests.Head (six lines): the first spec line is line 7.
public class ServiceEntryResolutionTests
{
    private const string Head = ServiceEntryHostAndSelectorTests.Head;

    [Fact]
    public void None_resolution_forbids_endpoints()
    {
        var d = Validate(Head + """
              hosts: [api.example.com]
              ports:
              - {number: 443, name: https, protocol: HTTPS}
              resolution: NONE
              endpoints:
              - address: 10.0.0.1
            """);
        HasError(d, "no endpoints should be provided for resolution type none", "spec.endpoints", 11);
    }

    [Fact]
    public void None_resolution_with_selector_is_a_warning()
    {
        var d = Validate(Head + """
              hosts: [api.example.com]
              ports:
              - {number: 443, name: https, protocol: HTTPS}
              workloadSelector:
                labels: {app: api}
            """);
        HasWarning(d, "workloadSelector should not be set when resolution mode is NONE", "spec.workloadSelector", 10);
    }

    [Fact]
    public void Static_endpoints_with_declared_ports_are_valid()
    {
        Clean(Validate(Head + """
              hosts: [vm.shop.internal]
              addresses: [240.0.0.10]
              location: MESH_INTERNAL
              ports:
              - {number: 80, name: http, protocol: HTTP, targetPort: 8080}
              resolution: STATIC
              endpoints:
              - address: 10.0.0.1
                ports: {http: 8081}
                labels: {version: v1}
              - address: 2001:db8::1
            """));
    }

    [Fact]
    public void Static_endpoint_must_be_an_ip_address()
    {
        var d = Validate(Head + """
              hosts: [vm.shop.internal]
              ports:
              - {number: 80, name: http, protocol: HTTP}
              resolution: STATIC
              endpoints:
              - address: vm1.shop.internal
            """);
        HasError(d, "endpoint address \"vm1.shop.internal\" is not a valid IP address", "spec.endpoints[0].address", 12);
    }

    [Fact]
    public void Null_endpoint_is_rejected()
    {
        var d = Validate(Head + """
              hosts: [vm.shop.internal]
              ports:
              - {number: 80, name: http, protocol: HTTP}
              resolution: STATIC
              endpoints:
              -
            """);
        HasError(d, "endpoint cannot be nil", "spec.endpoints[0]", 12);
    }

    [Fact]
    public void Endpoint_ports_must_be_declared_by_the_service_entry()
    {
        var d = Validate(Head + """
              hosts: [vm.shop.internal]
              ports:
              - {number: 80, name: http, protocol: HTTP}
              resolution: STATIC
              endpoints:
              - address: 10.0.0.1
                ports:
                  grpc: 9090
            """);
        HasError(d, "endpoint port 9090 is not defined by the service entry", "spec.endpoints[0].ports.grpc", 14);
    }

    [Fact]
    public void Unix_endpoint_needs_exactly_one_service_port_and_no_ports_of_its_own()
    {
        var d = Validate(Head + """
              hosts: [local.shop.internal]
              ports:
              - {number: 80, name: http, protocol: HTTP}
              - {number: 81, name: admin, protocol: HTTP}
              resolution: STATIC
              endpoints:
              - address: unix:///var/run/app.sock
                ports: {http: 80}
            """);
        HasError(d, "unix endpoint unix:///var/run/app.sock must not include ports", "spec.endpoints[0].ports", 14);
        HasError(d, "exactly 1 service port required for unix endpoints", "spec.endpoints[0]", 13);
    }

    [Fact]
    public void Unix_endpoint_with_one_service_port_is_valid()
    {
        NoErrors(Validate(Head + """
              hosts: [local.shop.internal]
              ports:
              - {number: 80, name: http, protocol: HTTP}
              resolution: STATIC
              endpoints:
              - address: unix:///var/run/app.sock
            """));
    }

    [Fact]
    public void Dns_without_endpoints_needs_fqdn_hosts()
    {
        var d = Validate(Head + """
              hosts: ["*.example.com"]
              ports:
              - {number: 443, name: https, protocol: HTTPS}
              resolution: DNS
            """);
        HasError(d, "hosts must be FQDN if no endpoints are provided for resolution mode DNS", "spec.hosts[0]", 7);
    }

    [Fact]
    public void Dns_with_endpoints_accepts_wildcard_hosts_and_fqdn_endpoints()
    {
        NoErrors(Validate(Head + """
              hosts: ["*.example.com"]
              ports:
              - {number: 443, name: https, protocol: HTTPS}
              resolution: DNS
              endpoints:
              - address: egress.example.com
                ports: {https: 8443}
            """));
    }

    [Fact]
    public void Dns_round_robin_allows_at_most_one_endpoint()
    {
        var d = Validate(Head + """
              hosts: [api.example.com]
              ports:
              - {number: 443, name: https, protocol: HTTPS}
              resolution: DNS_ROUND_ROBIN
              endpoints:
              - address: a.example.com
              - address: b.example.com
            """);
        HasError(d, "there must only be 0 or 1 endpoint for resolution mode DNS_ROUND_ROBIN", "spec.endpoints", 11);
    }

    [Fact]
    public void Dns_endpoint_must_be_an_ip_or_fqdn_and_use_declared_ports()
    {
        var d = Validate(Head + """
              hosts: [api.example.com]
              ports:
              - {number: 443, name: https, protocol: HTTPS}
              resolution: DNS
              endpoints:
              - address: unix:///tmp/sock
              - address: 10.0.0.1
                ports: {http: 80}
            """);
        HasError(d, "endpoint address \"unix:///tmp/sock\" is not a valid FQDN or an IP address", "spec.endpoints[0].address", 12);
        HasError(d, "endpoint port 80 is not defined by the service entry", "spec.endpoints[1].ports.http", 14);
    }

    [Fact]
    public void Dns_with_selector_is_a_warning()
    {
        var d = Validate(Head + """
              hosts: [api.example.com]
              ports:
              - {number: 443, name: https, protocol: HTTPS}
              resolution: DNS
              workloadSelector:
                labels: {app: api}
            """);
        HasWarning(d, "workloadSelector should not be set when resolution mode is DNS", "spec.workloadSelector", 11);
    }

    [Fact]
    public void Dns_with_addresses_tcp_port_and_several_hosts_is_a_warning()
    {
        var d = Validate(Head + """
              hosts: [a.example.com, b.example.com]
              addresses: [240.0.0.1]
              ports:
              - {number: 443, name: tls, protocol: TLS}
              resolution: DNS
            """);
        HasWarning(d, "service entry can not have more than one host specified simultaneously with address and tcp port", "spec.hosts", 7);
        NoErrors(d);
    }

    [Fact]
    public void Dynamic_dns_with_wildcard_http_host_is_valid()
    {
        Clean(Validate(Head + """
              hosts: ["*.wikipedia.org"]
              ports:
              - {number: 443, name: tls, protocol: TLS}
              - {number: 80, name: http, protocol: HTTP}
              resolution: DYNAMIC_DNS
            """));
    }

    [Fact]
    public void Dynamic_dns_needs_wildcard_hosts_and_no_addresses_or_endpoints()
    {
        var d = Validate(Head + """
              hosts: [api.example.com]
              addresses: [240.0.0.1]
              ports:
              - {number: 443, name: tls, protocol: TLS}
              resolution: DYNAMIC_DNS
              endpoints:
              - address: 10.0.0.1
            """);
        HasError(d, "host \"api.example.com\" must be a wildcard for resolution mode DYNAMIC_DNS", "spec.hosts[0]", 7);
        HasError(d, "addresses are not allowed for resolution mode DYNAMIC_DNS", "spec.addresses", 8);
        HasError(d, "endpoints are not allowed for resolution mode DYNAMIC_DNS", "spec.endpoints", 12);
    }

    [Fact]
    public void Dynamic_dns_needs_ports_that_carry_a_host_name()
    {
        var d = Validate(Head + """
              hosts: ["*.example.com"]
              ports:
              - number: 5432
                name: tcp
                protocol: TCP
              resolution: DYNAMIC_DNS
            """);
        HasError(d, "protocol \"TCP\" is not supported for resolution mode DYNAMIC_DNS", "spec.ports[0].protocol", 11);
    }

    [Fact]
    public void Dynamic_dns_is_not_for_mesh_internal_entries_behind_a_waypoint()
    {
        var d = Validate("""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: wild
              labels:
                istio.io/use-waypoint: waypoint
            spec:
              hosts: ["*.example.com"]
              location: MESH_INTERNAL
              ports:
              - {number: 80, name: http, protocol: HTTP}
              resolution: DYNAMIC_DNS
            """);
        HasError(d, "resolution mode DYNAMIC_DNS is not supported for MESH_INTERNAL service entries that use a waypoint",
            "spec.location", 9);
    }
}
