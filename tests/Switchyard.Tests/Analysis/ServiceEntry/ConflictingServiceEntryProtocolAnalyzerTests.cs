using Switchyard.Analysis;
using Switchyard.Diagnostics;
using Switchyard.Loading;

namespace Switchyard.Tests.Analysis.ServiceEntries;

public class ConflictingServiceEntryProtocolAnalyzerTests
{
    private static List<Diagnostic> Run(params string[] docs)
    {
        var resources = ConfigLoader.LoadText(string.Join("\n---\n", docs), "se.yaml").Resources;
        return AnalysisRunner.Run(resources, new AnalysisOptions { Analyzers = ["serviceentry.ConflictingServiceEntryProtocolAnalyzer"], AllNamespaces = true },
            Suppressions.Parse([], out _));
    }

    private static string Entry(string name, string ns, string protocol, string exportTo = "", string host = "api.example.com") => $"""
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          hosts:
          - {host}
        {exportTo}  ports:
          - number: 443
            name: p
        {(protocol.Length == 0 ? "" : $"    protocol: {protocol}")}
        """;

    [Fact]
    public void Same_host_and_port_with_different_protocols_is_IST0177_on_each_entry()
    {
        var messages = Run(Entry("a", "default", "TLS"), Entry("b", "other", "HTTPS"));
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m =>
        {
            Assert.Equal("IST0177", m.Code);
            Assert.Equal(Severity.Warning, m.Severity);
            Assert.Equal("Multiple ServiceEntries (default/a, other/b) define the same host \"api.example.com\" and port 443 with conflicting protocols (HTTPS, TLS).", m.Message);
            Assert.Equal("default/a says TLS, other/b says HTTPS; declare port 443 with one protocol in every ServiceEntry of this host", m.Hint);
        });
        Assert.Equal(["ServiceEntry default/a", "ServiceEntry other/b"], messages.Select(m => m.Resource!.ToString()).Order());
        // Each at its own metadata.name line (the second document starts after the first's 12 lines and "---").
        Assert.Equal([4, 17], messages.Select(m => m.Span.Line).Order());
    }

    [Fact]
    public void Protocols_differing_only_in_case_do_not_conflict()
    {
        Assert.Empty(Run(Entry("a", "default", "http"), Entry("b", "default", "HTTP")));
    }

    [Fact]
    public void Empty_protocol_conflicts_with_a_declared_one()
    {
        var messages = Run(Entry("a", "default", ""), Entry("b", "default", "HTTP"));
        Assert.Equal(2, messages.Count);
        Assert.Equal("Multiple ServiceEntries (default/a, default/b) define the same host \"api.example.com\" and port 443 with conflicting protocols (, HTTP).", messages[0].Message);
        Assert.Equal("default/a says no protocol, default/b says HTTP; declare port 443 with one protocol in every ServiceEntry of this host", messages[0].Hint);
    }

    [Fact]
    public void Entries_exported_to_disjoint_namespaces_do_not_conflict()
    {
        Assert.Empty(Run(Entry("a", "team-a", "TLS", "  exportTo:\n  - \".\"\n"), Entry("b", "team-b", "HTTPS", "  exportTo:\n  - \".\"\n")));
    }

    [Fact]
    public void Namespace_local_entry_conflicts_with_one_exported_everywhere()
    {
        var messages = Run(Entry("a", "team-a", "TLS", "  exportTo:\n  - \".\"\n"), Entry("b", "team-b", "HTTPS"));
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal("IST0177", m.Code));
    }

    [Fact]
    public void Different_hosts_do_not_conflict()
    {
        Assert.Empty(Run(Entry("a", "default", "TLS"), Entry("b", "default", "HTTPS", host: "web.example.com")));
    }
}
