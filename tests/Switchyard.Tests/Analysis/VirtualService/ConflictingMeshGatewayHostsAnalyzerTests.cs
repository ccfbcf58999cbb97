using Switchyard.Analysis;
using Switchyard.Diagnostics;
using Switchyard.Loading;

namespace Switchyard.Tests.Analysis.VirtualService;

public class ConflictingMeshGatewayHostsAnalyzerTests
{
    private const string Analyzer = "virtualservice.ConflictingMeshGatewayHostsAnalyzer";

    private static List<Diagnostic> Run(string yaml) =>
        AnalysisRunner.Run(ConfigLoader.LoadText(yaml, "vs.yaml").Resources,
            new AnalysisOptions { Analyzers = [Analyzer], AllNamespaces = true }, Suppressions.Parse([], out _));

    private static string Vs(string name, string ns, string hosts, string extra = "") => $"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          hosts: [{hosts}]
        {extra}  http:
          - route:
            - destination:
                host: reviews
        ---

        """;

    private static string Text(string names, string host) =>
        $"The VirtualServices {names} associated with mesh gateway define the same host {host} which can lead to undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single resource.";

    [Fact]
    public void Two_mesh_virtual_services_for_the_same_host_are_IST0109_on_each_at_the_name_line()
    {
        var messages = Run(Vs("b", "default", "reviews") + Vs("a", "default", "reviews.default.svc.cluster.local"));

        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal("IST0109", m.Code));
        Assert.All(messages, m => Assert.Equal(Text("default/a,default/b", "*/reviews.default.svc.cluster.local"), m.Message));
        Assert.Equal(["a", "b"], messages.Select(m => m.Resource!.Name));
        Assert.Equal(16, messages[0].Span.Line);
        Assert.Equal(4, messages[1].Span.Line);
        Assert.Equal(Severity.Error, messages[0].Severity);
        Assert.Contains("merge the routes of default/b into default/a", messages[0].Hint);
    }

    [Fact]
    public void Virtual_service_bound_only_to_a_gateway_does_not_conflict_with_a_mesh_one()
    {
        var messages = Run(Vs("a", "default", "reviews") + Vs("b", "default", "reviews", "  gateways: [ingress]\n"));
        Assert.Empty(messages);
    }

    [Fact]
    public void Virtual_service_listing_mesh_among_its_gateways_is_bound_to_the_mesh()
    {
        var messages = Run(Vs("a", "default", "reviews") + Vs("b", "default", "reviews", "  gateways: [ingress, mesh]\n"));
        Assert.Equal(2, messages.Count);
    }

    [Fact]
    public void Virtual_service_sharing_two_hosts_with_another_is_reported_once()
    {
        var messages = Run(Vs("a", "default", "reviews, ratings") + Vs("b", "default", "reviews, ratings"));

        Assert.Equal(2, messages.Count);
        Assert.Equal(Text("default/a,default/b", "*/ratings.default.svc.cluster.local"), messages[0].Message);
    }

    [Fact]
    public void Namespace_scoped_host_conflicts_with_an_exported_wildcard_host_covering_it()
    {
        var messages = Run(Vs("api", "ns1", "api.example.com", "  exportTo: [\".\"]\n") + Vs("all", "ns2", "\"*.example.com\""));

        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal(Text("ns1/api,ns2/all", "ns1/api.example.com"), m.Message));
    }

    [Fact]
    public void Wildcard_and_concrete_hosts_both_exported_everywhere_are_not_flagged()
    {
        var messages = Run(Vs("api", "default", "api.example.com") + Vs("all", "default", "\"*.example.com\""));
        Assert.Empty(messages);
    }

    [Fact]
    public void Same_host_exported_to_different_namespaces_does_not_conflict()
    {
        var messages = Run(Vs("a", "ns1", "api.example.com", "  exportTo: [\".\"]\n") + Vs("b", "ns2", "api.example.com", "  exportTo: [\".\"]\n"));
        Assert.Empty(messages);
    }

    [Fact]
    public void Short_host_names_in_different_namespaces_are_different_hosts()
    {
        var messages = Run(Vs("a", "ns1", "reviews") + Vs("b", "ns2", "reviews"));
        Assert.Empty(messages);
    }

    [Fact]
    public void Export_to_a_named_namespace_uses_that_namespace_as_scope()
    {
        var messages = Run(Vs("a", "ns1", "api.example.com", "  exportTo: [ns3]\n") + Vs("b", "ns2", "api.example.com", "  exportTo: [ns3]\n"));

        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal(Text("ns1/a,ns2/b", "ns3/api.example.com"), m.Message));
    }

    [Fact]
    public void Virtual_service_naming_a_host_twice_does_not_conflict_with_itself()
    {
        var messages = Run(Vs("a", "default", "reviews, reviews.default.svc.cluster.local"));
        Assert.Empty(messages);
    }
}
