using Switchyard.Analysis;
using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Validation;

namespace Switchyard.Tests.Validation.Gateway;

public class GatewayValidatorTests
{
    private static IReadOnlyList<Diagnostic> Validate(string yaml)
    {
        var resource = Assert.Single(ConfigLoader.LoadText(yaml, "gw.yaml").Resources);
        return ResourceValidator.Validate(resource);
    }

    // servers start on line 9; the first server's port on line 10.
    private static string Gw(string servers, string name = "ingress", string selector = "istio: ingressgateway") => $"""
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: {name}
          namespace: default
        spec:
          selector:
            {selector}
          servers:
        {servers}
        """;

    private static string Server(string protocol = "HTTP", string hosts = "\"shop.example.com\"", string tls = "", string port = "number: 80, name: http") =>
        $"  - port: {{{port}, protocol: {protocol}}}\n    hosts: [{hosts}]\n" + (tls.Length > 0 ? $"    tls: {{{tls}}}\n" : "");

    private static (string Path, string Message) Only(IReadOnlyList<Diagnostic> diagnostics)
    {
        var d = Assert.Single(diagnostics);
        return (d.FieldPath!, d.Message);
    }

    [Fact]
    public void Http_with_https_redirect_and_https_with_credential_name_are_valid()
    {
        var yaml = Gw(Server(tls: "httpsRedirect: true")
                      + Server("HTTPS", tls: "mode: SIMPLE, credentialName: shop-cert", port: "number: 443, name: https")
                      + Server("tls", "\"./*.example.com\", \"*/api.example.com\"", "mode: PASSTHROUGH", "number: 8443, name: tls"));
        Assert.Empty(Validate(yaml));
    }

    [Fact]
    public void Gateway_without_servers_is_an_error()
    {
        var d = Assert.Single(Validate(Gw("")));
        Assert.Equal("gateway must have at least one server", d.Message);
        Assert.Equal(9, d.Span.Line);
    }

    [Fact]
    public void Server_without_hosts_is_an_error()
    {
        Assert.Equal(("spec.servers[0].hosts", "server config must contain at least one host"), Only(Validate(Gw(Server(hosts: "")))));
    }

    [Theory]
    [InlineData("\"bad_ns/shop.example.com\"", "invalid namespace value \"bad_ns\" in gateway")]
    [InlineData("\"shop\"", "short names (non FQDN) are not allowed")]
    [InlineData("\"./shop\"", "short names (non FQDN) are not allowed")]
    [InlineData("\"shop.exa_mple.com\"", "domain name \"exa_mple.com\" invalid (label \"exa_mple\" invalid)")]
    [InlineData("\"foo.*.com\"", "domain name \"*.com\" invalid (label \"*\" invalid)")]
    public void Invalid_host_is_an_error_at_the_host_line(string host, string message)
    {
        var (path, text) = Only(Validate(Gw(Server(hosts: host))));
        Assert.Equal("spec.servers[0].hosts[0]", path);
        Assert.Equal(message, text);
    }

    [Fact]
    public void Empty_host_namespace_is_reported_as_empty_and_as_invalid_like_istio()
    {
        var diagnostics = Validate(Gw(Server(hosts: "\"/shop.example.com\"")));
        Assert.Equal(["config namespace and dnsName in host entry cannot be empty", "invalid namespace value \"\" in gateway"],
            diagnostics.Select(d => d.Message));
    }

    [Theory]
    [InlineData("\"*\"")]
    [InlineData("\"*/*\"")]
    [InlineData("\"10.0.0.1\"")]
    [InlineData("\"ns-1/*.example.com\"")]
    public void Wildcards_ip_addresses_and_namespaced_hosts_are_valid(string host)
    {
        Assert.Empty(Validate(Gw(Server(hosts: host))));
    }

    [Fact]
    public void Unknown_protocol_is_an_error_at_the_protocol_line()
    {
        var d = Assert.Single(Validate(Gw(Server("QUIC"))));
        Assert.Equal("spec.servers[0].port.protocol", d.FieldPath);
        Assert.Equal("invalid protocol \"QUIC\", supported protocols are HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP", d.Message);
        Assert.Equal(10, d.Span.Line);
    }

    [Theory]
    [InlineData("grpc-web")]
    [InlineData("Http2")]
    [InlineData("MONGO")]
    [InlineData("tcp")]
    public void Protocols_are_case_insensitive(string protocol)
    {
        Assert.Empty(Validate(Gw(Server(protocol))));
    }

    [Theory]
    [InlineData("number: 0, name: http", "spec.servers[0].port.number", "port number 0 must be in the range 1..65535")]
    [InlineData("number: 70000, name: http", "spec.servers[0].port.number", "port number 70000 must be in the range 1..65535")]
    [InlineData("number: 80", "spec.servers[0].port.name", "port name must be set: number:80 protocol:\"HTTP\"")]
    public void Invalid_port_is_an_error(string port, string path, string message)
    {
        Assert.Equal((path, message), Only(Validate(Gw(Server(port: port)))));
    }

    [Fact]
    public void Server_without_port_is_an_error()
    {
        Assert.Equal(("spec.servers[0].port", "port is required"), Only(Validate(Gw("  - hosts: [\"shop.example.com\"]"))));
    }

    [Fact]
    public void Https_server_without_tls_is_an_error()
    {
        Assert.Equal(("spec.servers[0].tls", "server must have TLS settings for HTTPS/TLS protocols"),
            Only(Validate(Gw(Server("HTTPS", port: "number: 443, name: https")))));
    }

    [Fact]
    public void Http_server_terminating_tls_is_an_error()
    {
        Assert.Equal(("spec.servers[0].tls", "server cannot have TLS settings for plain text HTTP ports"),
            Only(Validate(Gw(Server(tls: "mode: SIMPLE, credentialName: shop-cert")))));
    }

    [Fact]
    public void Tcp_server_with_tls_is_an_error()
    {
        Assert.Equal(("spec.servers[0].tls", "server cannot have TLS settings for non HTTPS/TLS ports"),
            Only(Validate(Gw(Server("TCP", tls: "mode: PASSTHROUGH")))));
    }

    [Fact]
    public void Simple_tls_without_credential_or_files_needs_certificate_and_key()
    {
        var diagnostics = Validate(Gw(Server("HTTPS", tls: "mode: SIMPLE", port: "number: 443, name: https")));
        Assert.Equal(["SIMPLE TLS requires a server certificate", "SIMPLE TLS requires a private key"], diagnostics.Select(d => d.Message));
        Assert.Equal("spec.servers[0].tls.serverCertificate", diagnostics[0].FieldPath);
        Assert.Equal(12, diagnostics[0].Span.Line);
    }

    [Fact]
    public void Simple_tls_with_certificate_files_is_valid()
    {
        Assert.Empty(Validate(Gw(Server("HTTPS", tls: "mode: SIMPLE, serverCertificate: /etc/certs/cert.pem, privateKey: /etc/certs/key.pem", port: "number: 443, name: https"))));
    }

    [Fact]
    public void Mutual_tls_with_files_needs_a_client_ca_bundle()
    {
        Assert.Equal(("spec.servers[0].tls.caCertificates", "MUTUAL TLS requires a client CA bundle"),
            Only(Validate(Gw(Server("HTTPS", tls: "mode: MUTUAL, serverCertificate: /c.pem, privateKey: /k.pem", port: "number: 443, name: https")))));
    }

    [Fact]
    public void Mutual_tls_with_credential_name_is_valid()
    {
        Assert.Empty(Validate(Gw(Server("HTTPS", tls: "mode: MUTUAL, credentialName: shop-cert", port: "number: 443, name: https"))));
    }

    [Fact]
    public void Istio_mutual_tls_with_a_certificate_file_is_an_error()
    {
        Assert.Equal(("spec.servers[0].tls.serverCertificate", "ISTIO_MUTUAL TLS cannot have associated server certificate"),
            Only(Validate(Gw(Server("TLS", tls: "mode: ISTIO_MUTUAL, serverCertificate: /c.pem", port: "number: 15443, name: tls")))));
    }

    [Fact]
    public void Duplicate_port_names_are_an_error()
    {
        Assert.Equal(("spec.servers[1].port.name", "port names in servers must be unique: duplicate name http"),
            Only(Validate(Gw(Server() + Server(port: "number: 8080, name: http")))));
    }

    [Fact]
    public void Https_redirect_on_a_non_http_server_is_a_warning()
    {
        var d = Assert.Single(Validate(Gw(Server("HTTPS", tls: "httpsRedirect: true, mode: SIMPLE, credentialName: c", port: "number: 443, name: https"))));
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal("tls.httpsRedirect should only be used with http servers", d.Message);
    }

    [Fact]
    public void Invalid_selector_label_is_an_error()
    {
        Assert.Equal(("spec.selector", "invalid tag value: \"ingress gateway\""), Only(Validate(Gw(Server(), selector: "istio: \"ingress gateway\""))));
    }

    [Fact]
    public void Gateway_name_with_a_dot_is_an_error()
    {
        Assert.Equal(("metadata.name", "invalid gateway name: \"ingress.v2\""), Only(Validate(Gw(Server(), name: "ingress.v2"))));
    }

    [Fact]
    public void Unix_socket_bind_needs_no_port_number()
    {
        Assert.Empty(Validate(Gw("  - port: {name: http, protocol: HTTP}\n    bind: unix:///var/run/gw.sock\n    hosts: [\"shop.example.com\"]")));
    }

    [Fact]
    public void Schema_analyzer_reports_gateway_errors_as_IST0106_at_the_field_line()
    {
        var resources = ConfigLoader.LoadText(Gw(Server("QUIC")), "gw.yaml").Resources;
        var m = Assert.Single(AnalysisRunner.Run(resources, new AnalysisOptions { Analyzers = ["schema.ValidationAnalyzer.Gateway"] }, Suppressions.Parse([], out _)));

        Assert.Equal("IST0106", m.Code);
        Assert.StartsWith("Schema validation error: spec.servers[0].port.protocol: invalid protocol \"QUIC\"", m.Message);
        Assert.Equal(10, m.Span.Line);
    }
}
