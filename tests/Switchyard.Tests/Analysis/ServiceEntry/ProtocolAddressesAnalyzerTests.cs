using Switchyard.Analysis;
using Switchyard.Diagnostics;
using Switchyard.Loading;

namespace Switchyard.Tests.Analysis.ServiceEntries;

public class ProtocolAddressesAnalyzerTests
{
    private static List<Diagnostic> Run(string yaml)
    {
        var resources = ConfigLoader.LoadText(yaml, "se.yaml").Resources;
        return AnalysisRunner.Run(resources, new AnalysisOptions { Analyzers = ["serviceentry.Analyzer"], AllNamespaces = true },
            Suppressions.Parse([], out _));
    }

    private static string Entry(string ports, string addresses = "") => $"""
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: db
          namespace: default
        spec:
          hosts:
          - db.example.com
        {addresses}  ports:
        {ports}
          resolution: DNS
        """;

    [Fact]
    public void Tcp_port_without_addresses_is_IST0134_at_the_port_name()
    {
        var m = Assert.Single(Run(Entry("  - number: 5432\n    name: tcp-postgres\n    protocol: TCP")));
        Assert.Equal("IST0134", m.Code);
        Assert.Equal(Severity.Warning, m.Severity);
        Assert.Equal("ServiceEntry addresses are required for this protocol.", m.Message);
        Assert.Equal(11, m.Span.Line);
        Assert.Equal("port 5432 has protocol TCP, which is routed by destination address: add spec.addresses, " +
                     "or declare the port HTTP or TLS so Istio can route by Host header or SNI", m.Hint);
    }

    [Fact]
    public void Port_without_protocol_or_lower_case_tcp_is_IST0134_per_port()
    {
        var messages = Run(Entry("  - number: 5432\n    name: pg\n  - number: 5433\n    name: pg2\n    protocol: tcp\n  - number: 80\n    name: http\n    protocol: HTTP"));
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal("IST0134", m.Code));
        Assert.Equal([11, 13], messages.Select(m => m.Span.Line).Order());
    }

    [Fact]
    public void Addresses_make_tcp_ports_fine()
    {
        Assert.Empty(Run(Entry("  - number: 5432\n    name: tcp\n    protocol: TCP", "  addresses:\n  - 10.0.0.5\n")));
    }

    [Fact]
    public void Http_and_tls_ports_need_no_addresses()
    {
        Assert.Empty(Run(Entry("  - number: 80\n    name: http\n    protocol: HTTP\n  - number: 443\n    name: tls\n    protocol: TLS")));
    }
}
