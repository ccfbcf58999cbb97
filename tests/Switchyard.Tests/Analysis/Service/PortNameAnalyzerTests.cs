using Switchyard.Analysis;
using Switchyard.Analysis.Services;
using Switchyard.Diagnostics;
using Switchyard.Loading;

namespace Switchyard.Tests.Analysis.Services;

public class PortNameAnalyzerTests
{
    private static List<Diagnostic> Run(string yaml)
    {
        var resources = ConfigLoader.LoadText(yaml, "svc.yaml").Resources;
        return AnalysisRunner.Run(resources, new AnalysisOptions { Analyzers = ["service.PortNameAnalyzer"], AllNamespaces = true },
            Suppressions.Parse([], out _));
    }

    private static string Service(string ports, string extra = "") => $"""
        apiVersion: v1
        kind: Service
        metadata:
          name: frontend
          namespace: default
        {extra}spec:
          selector:
            app: frontend
          ports:
        {ports}
        """;

    [Theory]
    [InlineData("http")]
    [InlineData("http-web")]
    [InlineData("HTTP2-api")]
    [InlineData("grpc-web")]
    [InlineData("grpc-web-ui")]
    [InlineData("tcp-db")]
    [InlineData("tls")]
    [InlineData("mongo")]
    [InlineData("mysql-main")]
    [InlineData("redis")]
    [InlineData("https-admin")]
    public void Port_named_protocol_dash_suffix_is_fine(string name)
    {
        Assert.Empty(Run(Service($"  - name: {name}\n    port: 8080")));
    }

    [Fact]
    public void Unnamed_port_is_IST0118_info_at_the_port_line()
    {
        var m = Assert.Single(Run(Service("  - protocol: TCP\n    port: 8080\n    targetPort: 9090")));
        Assert.Equal("IST0118", m.Code);
        Assert.Equal(Severity.Info, m.Severity);
        Assert.Equal("Port name  (port: 8080, targetPort: 9090) doesn't follow the naming convention of Istio port.", m.Message);
        Assert.Equal(10, m.Span.Line);
        Assert.Equal("Istio reads the protocol from the port name <protocol>[-<suffix>]: name it \"http\" or set appProtocol", m.Hint);
    }

    [Fact]
    public void Misspelt_protocol_gets_the_corrected_name_as_hint()
    {
        var m = Assert.Single(Run(Service("  - name: htp-web\n    port: 9000\n    targetPort: web")));
        Assert.Equal("Port name htp-web (port: 9000, targetPort: web) doesn't follow the naming convention of Istio port.", m.Message);
        Assert.Equal("Istio reads the protocol from the port name <protocol>[-<suffix>]: name it \"http-web\" or set appProtocol", m.Hint);
    }

    [Fact]
    public void Unset_target_port_is_shown_as_the_port_kubernetes_defaults_it_to()
    {
        var m = Assert.Single(Run(Service("  - name: foo\n    port: 7000")));
        Assert.Equal("Port name foo (port: 7000, targetPort: 7000) doesn't follow the naming convention of Istio port.", m.Message);
        Assert.Equal("Istio reads the protocol from the port name <protocol>[-<suffix>]: name it \"tcp-foo\" or set appProtocol", m.Hint);
    }

    [Fact]
    public void App_protocol_replaces_the_name()
    {
        Assert.Empty(Run(Service("  - name: web\n    port: 80\n    appProtocol: http")));
        Assert.Empty(Run(Service("  - name: web\n    port: 80\n    appProtocol: kubernetes.io/h2c")));
        var m = Assert.Single(Run(Service("  - name: http\n    port: 80\n    appProtocol: thrift")));
        Assert.Equal("IST0118", m.Code);
        Assert.StartsWith("appProtocol \"thrift\" is not a protocol Istio knows", m.Hint);
    }

    [Fact]
    public void Udp_and_well_known_ports_need_no_name()
    {
        Assert.Empty(Run(Service("  - protocol: UDP\n    port: 5000")));
        Assert.Empty(Run(Service("  - port: 3306")));
    }

    [Fact]
    public void External_name_service_with_bad_or_tcp_port_name_is_IST0150()
    {
        var yaml = """
            apiVersion: v1
            kind: Service
            metadata:
              name: nginx
              namespace: default
            spec:
              type: ExternalName
              externalName: nginx.example.com
              ports:
              - name: nginx
                port: 443
              - name: tcp
                port: 8443
              - name: https
                port: 9443
            """;
        var messages = Run(yaml);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m =>
        {
            Assert.Equal("IST0150", m.Code);
            Assert.Equal(Severity.Warning, m.Severity);
            Assert.Equal("Port name for ExternalName service is invalid. Proxy may prevent tcp named ports and unmatched traffic for ports serving TCP protocol from being forwarded correctly", m.Message);
        });
        Assert.Equal([10, 12], messages.Select(m => m.Span.Line).Order());
    }

    [Theory]
    [InlineData("    istio: pilot\n")]
    [InlineData("    release: istio\n")]
    [InlineData("    gateway.istio.io/managed: istio.io-mesh-controller\n")]
    public void Istio_owned_services_are_skipped(string label)
    {
        Assert.Empty(Run(Service("  - port: 8080", "  labels:\n" + label)));
    }
}
