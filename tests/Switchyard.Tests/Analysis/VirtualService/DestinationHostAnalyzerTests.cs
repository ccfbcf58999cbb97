using Switchyard.Analysis;
using Switchyard.Diagnostics;
using Switchyard.Loading;

namespace Switchyard.Tests.Analysis.VirtualService;

public class DestinationHostAnalyzerTests
{
    private const string FrontendService = """
        apiVersion: v1
        kind: Service
        metadata:
          name: frontend
          namespace: default
        spec:
          ports:
          - name: http
            port: 80
            targetPort: 8080
        """;

    private const string MultiPortService = """
        apiVersion: v1
        kind: Service
        metadata:
          name: multi
          namespace: default
        spec:
          ports:
          - name: http
            port: 80
          - name: https
            port: 443
        """;

    /// <summary>Runs the analyzer on the documents joined into one file; the first document's lines are the file's.</summary>
    private static List<Diagnostic> Analyze(params string[] documents)
    {
        var load = ConfigLoader.LoadText(string.Join("\n---\n", documents), "vs.yaml");
        Assert.Empty(load.AllDiagnostics);
        var resources = load.Resources;
        var options = new AnalysisOptions { Analyzers = ["virtualservice.DestinationHostAnalyzer"], AllNamespaces = true };
        return AnalysisRunner.Run(resources, options, Suppressions.Parse([], out _));
    }

    private static string RouteTo(string host, string extra = "", string name = "frontend", string ns = "default") => $"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          hosts:
          - frontend
          http:
          - route:
            - destination:
                host: {host}{extra}
        """;

    [Fact]
    public void Destination_naming_a_kubernetes_service_is_found()
    {
        Assert.Empty(Analyze(RouteTo("frontend"), FrontendService));
    }

    [Fact]
    public void Destination_by_fqdn_is_found()
    {
        Assert.Empty(Analyze(RouteTo("frontend.default.svc.cluster.local"), FrontendService));
    }

    [Fact]
    public void Unknown_host_is_IST0101_at_the_host_line_with_the_closest_host_as_hint()
    {
        var m = Assert.Single(Analyze(RouteTo("fronted"), FrontendService));
        Assert.Equal("IST0101", m.Code);
        Assert.Equal(Severity.Error, m.Severity);
        Assert.Equal("Referenced host not found: \"fronted\"", m.Message);
        Assert.Equal(12, m.Span.Line);
        Assert.Equal("did you mean \"frontend\"?", m.Hint);
    }

    [Fact]
    public void Unknown_host_with_no_services_in_the_input_hints_at_file_mode()
    {
        var m = Assert.Single(Analyze(RouteTo("frontend")));
        Assert.Equal("Referenced host not found: \"frontend\"", m.Message);
        Assert.Contains("no Service or ServiceEntry is in the analyzed input", m.Hint);
    }

    [Fact]
    public void Empty_destination_is_IST0101_with_an_empty_host()
    {
        var vs = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: frontend
              namespace: default
            spec:
              hosts:
              - frontend
              http:
              - route:
                - destination: {}
            """;
        var m = Assert.Single(Analyze(vs, FrontendService));
        Assert.Equal("Referenced host not found: \"\"", m.Message);
        Assert.Equal(11, m.Span.Line);
    }

    [Fact]
    public void Unknown_mirror_host_is_IST0101_mirror_host_at_the_mirror_host_line()
    {
        var vs = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: frontend
              namespace: default
            spec:
              hosts:
              - frontend
              http:
              - route:
                - destination:
                    host: frontend
                mirror:
                  host: shadow
            """;
        var m = Assert.Single(Analyze(vs, FrontendService));
        Assert.Equal("Referenced mirror host not found: \"shadow\"", m.Message);
        Assert.Equal(14, m.Span.Line);
    }

    [Fact]
    public void Unknown_host_in_mirrors_is_IST0101_mirror_host_at_its_own_line()
    {
        var vs = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: frontend
              namespace: default
            spec:
              hosts:
              - frontend
              http:
              - route:
                - destination:
                    host: frontend
                mirrors:
                - destination:
                    host: shadow
            """;
        var m = Assert.Single(Analyze(vs, FrontendService));
        Assert.Equal("Referenced mirror host not found: \"shadow\"", m.Message);
        Assert.Equal(15, m.Span.Line);
    }

    [Fact]
    public void Tcp_and_tls_route_destinations_are_checked_too()
    {
        var vs = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: db
              namespace: default
            spec:
              hosts:
              - db
              tcp:
              - route:
                - destination:
                    host: mysql
              tls:
              - match:
                - sniHosts: [db]
                route:
                - destination:
                    host: postgres
            """;
        var messages = Analyze(vs, FrontendService);
        Assert.Equal(
            ["Referenced host not found: \"mysql\"", "Referenced host not found: \"postgres\""],
            messages.Select(m => m.Message).Order(StringComparer.Ordinal));
        Assert.Equal([12, 18], messages.Select(m => m.Span.Line).Order());
    }

    [Fact]
    public void Wildcard_service_entry_host_covers_a_destination()
    {
        var se = """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: external
              namespace: default
            spec:
              hosts:
              - "*.example.com"
              ports:
              - number: 443
                name: https
                protocol: HTTPS
              resolution: NONE
            """;
        Assert.Empty(Analyze(RouteTo("api.example.com"), se));
    }

    [Fact]
    public void Service_not_exported_to_the_virtual_service_namespace_is_IST0101_with_an_export_hint()
    {
        var hidden = """
            apiVersion: v1
            kind: Service
            metadata:
              name: billing
              namespace: payments
              annotations:
                networking.istio.io/exportTo: "."
            spec:
              ports:
              - port: 80
            """;
        var m = Assert.Single(Analyze(RouteTo("billing.payments.svc.cluster.local"), hidden));
        Assert.Equal("Referenced host not found: \"billing.payments.svc.cluster.local\"", m.Message);
        Assert.Equal("billing.payments.svc.cluster.local exists (Service payments/billing) but is not exported to namespace default", m.Hint);
    }

    [Fact]
    public void Service_entry_exported_to_a_namespace_the_virtual_service_is_exported_to_is_found()
    {
        var se = """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: partner
              namespace: partners
            spec:
              hosts:
              - api.partner.com
              exportTo:
              - edge
              ports:
              - number: 443
                name: https
                protocol: HTTPS
              resolution: DNS
            """;
        var vs = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: partner
              namespace: default
            spec:
              hosts:
              - api.partner.com
              exportTo:
              - edge
              http:
              - route:
                - destination:
                    host: api.partner.com
            """;
        Assert.Empty(Analyze(vs, se));
    }

    [Fact]
    public void Multi_port_service_without_destination_port_is_IST0112_listing_the_ports()
    {
        var m = Assert.Single(Analyze(RouteTo("multi"), MultiPortService));
        Assert.Equal("IST0112", m.Code);
        Assert.Equal(
            "This VirtualService routes to a service \"multi\" that exposes multiple ports [80 443]. Specifying a port in the destination is required to disambiguate.",
            m.Message);
        Assert.Equal(12, m.Span.Line);
        Assert.Equal("add port: {number: 80} (or another); multi.default.svc.cluster.local exposes 80 (http), 443 (https)", m.Hint);
    }

    [Fact]
    public void Multi_port_service_with_a_destination_port_it_exposes_is_fine()
    {
        Assert.Empty(Analyze(RouteTo("multi", "\n        port:\n          number: 443"), MultiPortService));
    }

    [Fact]
    public void Destination_port_the_service_does_not_expose_is_IST0101_host_port_at_the_port_line()
    {
        var m = Assert.Single(Analyze(RouteTo("multi", "\n        port:\n          number: 8443"), MultiPortService));
        Assert.Equal("Referenced host:port not found: \"multi:8443\"", m.Message);
        Assert.Equal(14, m.Span.Line);
        Assert.Equal("multi.default.svc.cluster.local exposes 80 (http), 443 (https)", m.Hint);
    }

    [Fact]
    public void Destination_port_that_is_a_target_port_hints_at_the_service_port()
    {
        var m = Assert.Single(Analyze(RouteTo("frontend", "\n        port:\n          number: 8080"), FrontendService));
        Assert.Equal("Referenced host:port not found: \"frontend:8080\"", m.Message);
        Assert.Equal("8080 is the targetPort of service port 80 (http); a destination names the service port: port: {number: 80}", m.Hint);
    }

    [Fact]
    public void Gateway_route_without_subset_to_a_host_split_by_subset_elsewhere_is_IST0140()
    {
        var mesh = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: frontend-mesh
              namespace: default
            spec:
              hosts:
              - frontend
              http:
              - route:
                - destination:
                    host: frontend
                    subset: v1
            """;
        var ingress = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: frontend-ingress
              namespace: default
            spec:
              hosts:
              - frontend.example.com
              gateways:
              - istio-system/public
              http:
              - route:
                - destination:
                    host: frontend
            """;
        var m = Assert.Single(Analyze(ingress, mesh, FrontendService));
        Assert.Equal("IST0140", m.Code);
        Assert.Equal(Severity.Warning, m.Severity);
        Assert.Equal("Subset in virtual service default/frontend-mesh has no effect on ingress gateway default/frontend-ingress requests", m.Message);
        Assert.Equal("VirtualService default/frontend-ingress", m.Resource!.ToString());
        Assert.Equal(14, m.Span.Line);
        Assert.Contains("set a subset on this destination", m.Hint);
    }

    [Fact]
    public void Mesh_only_route_without_subset_is_not_IST0140()
    {
        var split = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: frontend-split
              namespace: default
            spec:
              hosts:
              - frontend
              http:
              - route:
                - destination:
                    host: frontend
                    subset: v1
            """;
        Assert.Empty(Analyze(split, RouteTo("frontend", name: "frontend-plain"), FrontendService));
    }
}
