using static Switchyard.Tests.Validation.ServiceEntries.ValidationAssert;

namespace Switchyard.Tests.Validation.ServiceEntries;

// YAML starts with ServiceEntryHostAndSelectorTests.Head (six lines): the first spec line is line 7.
public class ServiceEntryPortTests
{
    private const string Head = ServiceEntryHostAndSelectorTests.Head;

    [Fact]
    public void Null_port_entry_is_rejected()
    {
        var d = Validate(Head + """
              hosts: [api.example.com]
              ports:
              -
              - {number: 80, name: http, protocol: HTTP}
            """);
        HasError(d, "service entry port may not be null", "spec.ports[0]", 9);
    }

    [Fact]
    public void Port_names_and_numbers_must_be_unique()
    {
        var d = Validate(Head + """
              hosts: [api.example.com]
              ports:
              - {number: 80, name: http, protocol: HTTP}
              - {number: 80, name: http, protocol: HTTP}
            """);
        HasError(d, "service entry port name \"http\" already defined", "spec.ports[1].name", 10);
        HasError(d, "service entry port 80 already defined", "spec.ports[1].number", 10);
    }

    [Fact]
    public void Port_name_must_be_a_dns_label()
    {
        var d = Validate(Head + """
              hosts: [api.example.com]
              ports:
              - number: 80
                name: http_web
                protocol: HTTP
            """);
        HasError(d, "invalid port name: http_web", "spec.ports[0].name", 10);
    }

    [Fact]
    public void Port_without_name_is_rejected()
    {
        var d = Validate(Head + """
              hosts: [api.example.com]
              ports:
              - number: 80
                protocol: HTTP
            """);
        HasError(d, "invalid port name: ", "spec.ports[0].name", 9);
    }

    [Fact]
    public void Unknown_protocol_is_rejected()
    {
        var d = Validate(Head + """
              hosts: [ftp.example.com]
              ports:
              - number: 21
                name: ftp
                protocol: FTP
            """);
        HasError(d, "unsupported protocol: FTP", "spec.ports[0].protocol", 11);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("70000")]
    public void Port_number_must_be_in_range(string number)
    {
        var d = Validate(Head + $"""
              hosts: [api.example.com]
              ports:
              - name: http
                number: {number}
                protocol: HTTP
            """);
        HasError(d, $"port number {number} must be in the range 1..65535", "spec.ports[0].number", 10);
    }

    [Fact]
    public void Target_port_must_be_in_range()
    {
        var d = Validate(Head + """
              hosts: [api.example.com]
              ports:
              - name: http
                number: 80
                protocol: HTTP
                targetPort: 65536
            """);
        HasError(d, "port number 65536 must be in the range 1..65535", "spec.ports[0].targetPort", 12);
    }

    [Fact]
    public void Tcp_port_without_addresses_and_without_auto_allocation_is_a_warning()
    {
        var d = Validate(Head + """
              hosts: [db.example.com]
              ports:
              - name: tcp
                number: 5432
              resolution: NONE
            """);
        HasWarning(d,
            "addresses are required for ports serving TCP (or unset) protocol when ISTIO_META_DNS_AUTO_ALLOCATE is not set on a proxy",
            "spec.ports[0]", 9);
    }

    [Fact]
    public void Tcp_port_without_addresses_is_fine_when_istio_allocates_a_vip()
    {
        Lacks(Validate(Head + """
              hosts: [db.example.com]
              ports:
              - {number: 5432, name: tcp, protocol: TCP}
              resolution: DNS
            """), "addresses are required");
    }

    [Fact]
    public void Opting_out_of_auto_allocation_brings_the_tcp_warning_back()
    {
        var d = Validate("""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: db
              labels:
                networking.istio.io/enable-autoallocate-ip: "false"
            spec:
              hosts: [db.example.com]
              ports:
              - {number: 5432, name: tcp, protocol: TCP}
              resolution: DNS
            """);
        HasWarning(d,
            "addresses are required for ports serving TCP (or unset) protocol when ISTIO_META_DNS_AUTO_ALLOCATE is not set on a proxy",
            "spec.ports[0]", 10);
    }

    [Fact]
    public void Several_hosts_need_http_or_tls_ports()
    {
        var d = Validate(Head + """
              hosts: [a.example.com, b.example.com]
              ports:
              - {number: 443, name: https, protocol: HTTPS}
              - {number: 9000, name: tcp, protocol: TCP}
              resolution: DNS
            """);
        HasError(d, "multiple hosts provided with non-HTTP, non-TLS ports", "spec.ports[1]", 10);
    }

    [Fact]
    public void Several_hosts_on_tcp_are_fine_with_none_resolution()
    {
        Lacks(Validate(Head + """
              hosts: [a.example.com, b.example.com]
              addresses: [10.9.0.0/24]
              ports:
              - {number: 9000, name: tcp, protocol: TCP}
              resolution: NONE
            """), "multiple hosts");
    }
}
