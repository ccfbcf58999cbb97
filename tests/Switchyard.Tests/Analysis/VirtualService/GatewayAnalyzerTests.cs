using Switchyard.Analysis;
using Switchyard.Diagnostics;
using Switchyard.Loading;

namespace Switchyard.Tests.Analysis.VirtualService;

public class GatewayAnalyzerTests
{
    private const string Analyzer = "virtualservice.GatewayAnalyzer";

    private static List<Diagnostic> Run(string yaml) =>
        AnalysisRunner.Run(ConfigLoader.LoadText(yaml, "gw.yaml").Resources,
            new AnalysisOptions { Analyzers = [Analyzer], AllNamespaces = true }, Suppressions.Parse([], out _));

    // The VirtualService's gateways entries start at line 9 (one per line).
    private static string Vs(string gateways, string hosts = "reviews.example.com", string ns = "default") => $"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          namespace: {ns}
        spec:
          hosts: [{hosts}]
          gateways:
        {string.Join("\n", gateways.Split(',').Select(g => "  - " + g.Trim()))}
          http:
          - route:
            - destination:
                host: reviews
        ---

        """;

    private static string Gw(string name, string ns, params string[] hosts) => $"""
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          selector:
            istio: ingressgateway
          servers:
          - port: {"{"}number: 80, name: http, protocol: HTTP{"}"}
            hosts: [{string.Join(", ", hosts.Select(h => "\"" + h + "\""))}]
        ---

        """;

    [Fact]
    public void Missing_gateway_is_IST0101_and_IST0132_at_the_gateway_entry_line()
    {
        var messages = Run(Vs("mesh, bogus-gateway"));

        Assert.Equal(2, messages.Count);
        var notFound = messages[0];
        Assert.Equal("IST0101", notFound.Code);
        Assert.Equal("Referenced gateway not found: \"bogus-gateway\"", notFound.Message);
        Assert.Equal(10, notFound.Span.Line);
        var host = messages[1];
        Assert.Equal("IST0132", host.Code);
        Assert.Equal(Severity.Warning, host.Severity);
        Assert.Equal("one or more host [reviews.example.com] defined in VirtualService default/reviews not found in Gateway default/bogus-gateway.", host.Message);
        Assert.Equal(10, host.Span.Line);
    }

    [Fact]
    public void Mesh_entry_and_a_gateway_serving_the_host_give_nothing()
    {
        var messages = Run(Vs("mesh, ingress") + Gw("ingress", "default", "reviews.example.com"));
        Assert.Empty(messages);
    }

    [Fact]
    public void Namespaced_gateway_reference_with_wildcard_host_matches()
    {
        var messages = Run(Vs("istio-system/ingress") + Gw("ingress", "istio-system", "*.example.com"));
        Assert.Empty(messages);
    }

    [Fact]
    public void Gateway_serving_other_hosts_is_IST0132_with_the_hosts_it_serves()
    {
        var messages = Run(Vs("ingress", "reviews.example.com, ratings.example.com") + Gw("ingress", "default", "shop.example.com", "*.shop.example.com"));

        var m = Assert.Single(messages);
        Assert.Equal("IST0132", m.Code);
        Assert.Equal("one or more host [reviews.example.com ratings.example.com] defined in VirtualService default/reviews not found in Gateway default/ingress.", m.Message);
        Assert.Equal(9, m.Span.Line);
        Assert.StartsWith("Gateway default/ingress serves hosts: shop.example.com, *.shop.example.com", m.Hint);
    }

    [Fact]
    public void Dot_slash_gateway_host_serves_only_virtual_services_of_the_gateway_namespace()
    {
        var messages = Run(Vs("istio-system/ingress") + Gw("ingress", "istio-system", "./reviews.example.com"));

        var m = Assert.Single(messages);
        Assert.Equal("IST0132", m.Code);
        Assert.Contains("none of them to VirtualServices of namespace default", m.Hint);
    }

    [Fact]
    public void Star_slash_gateway_host_serves_every_namespace()
    {
        var messages = Run(Vs("istio-system/ingress") + Gw("ingress", "istio-system", "*/reviews.example.com"));
        Assert.Empty(messages);
    }

    [Fact]
    public void Namespace_slash_gateway_host_serves_the_virtual_service_of_that_namespace()
    {
        var messages = Run(Vs("istio-system/ingress", ns: "shop") + Gw("ingress", "istio-system", "shop/reviews.example.com"));
        Assert.Empty(messages);
    }

    [Fact]
    public void Namespace_slash_gateway_host_does_not_serve_other_namespaces()
    {
        var messages = Run(Vs("istio-system/ingress", ns: "default") + Gw("ingress", "istio-system", "shop/reviews.example.com"));
        Assert.Equal("IST0132", Assert.Single(messages).Code);
    }

    [Fact]
    public void Star_slash_star_gateway_host_serves_everything()
    {
        var messages = Run(Vs("ingress") + Gw("ingress", "default", "shop.example.com", "*/*"));
        Assert.Empty(messages);
    }

    [Fact]
    public void Wildcard_virtual_service_host_matches_a_concrete_gateway_host()
    {
        var messages = Run(Vs("ingress", "\"*.example.com\"") + Gw("ingress", "default", "reviews.example.com"));
        Assert.Empty(messages);
    }

    [Fact]
    public void Bare_gateway_name_living_in_another_namespace_hints_the_qualified_name()
    {
        var messages = Run(Vs("ingress") + Gw("ingress", "istio-system", "reviews.example.com"));

        Assert.Equal(["IST0101", "IST0132"], messages.Select(m => m.Code));
        Assert.Equal("a bare gateway name means namespace default; did you mean \"istio-system/ingress\"?", messages[0].Hint);
    }

    [Fact]
    public void Misspelt_gateway_name_hints_the_closest_gateway()
    {
        var messages = Run(Vs("ingres") + Gw("ingress", "default", "reviews.example.com"));
        Assert.Equal("did you mean \"ingress\"?", messages[0].Hint);
    }
}
