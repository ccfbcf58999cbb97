using static Switchyard.Tests.Validation.VirtualServices.VirtualServiceYaml;

namespace Switchyard.Tests.Validation.VirtualServices;

public class VirtualServiceTopLevelTests
{
    [Fact]
    public void A_plain_weighted_split_is_valid()
    {
        AssertValid(With("""
            hosts: [reviews]
            http:
            - name: split
              match:
              - uri: {prefix: /api}
                headers:
                  end-user: {exact: jason}
              route:
              - destination: {host: reviews, subset: v1}
                weight: 75
              - destination: {host: reviews, subset: v2, port: {number: 9080}}
                weight: 25
              timeout: 10s
            """));
    }

    [Fact]
    public void The_frontend_example_is_valid()
    {
        var result = Switchyard.Loading.ConfigLoader.LoadPaths([Path.Combine(AppContext.BaseDirectory, "examples", "frontend")]);
        var vs = Assert.Single(result.Resources.OfType<Switchyard.Model.Networking.VirtualService>());
        Assert.Empty(Switchyard.Validation.ResourceValidator.Validate(vs));
    }

    [Fact]
    public void A_virtual_service_without_http_tcp_or_tls_is_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            """);
        AssertSingleError(yaml, "spec", "http, tcp or tls must be provided in virtual service", "spec:");
    }

    [Fact]
    public void A_null_http_route_is_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - null
            """);
        AssertSingleError(yaml, "spec.http[0]", "http route may not be null", "- null");
    }

    [Fact]
    public void A_delegate_virtual_service_may_not_name_gateways()
    {
        var yaml = With("""
            gateways: [istio-system/ingress]
            http:
            - route:
              - destination: {host: reviews}
            """);
        AssertSingleError(yaml, "spec.gateways", "delegate virtual service must have no gateways specified", "gateways:");
    }

    [Fact]
    public void A_delegate_virtual_service_may_not_have_tls_routes()
    {
        var yaml = With("""
            tls:
            - match:
              - sniHosts: [reviews.example.com]
              route:
              - destination: {host: reviews}
            """);
        AssertHasError(yaml, "spec.tls", "delegate virtual service must have no tls route specified", "tls:");
    }

    [Fact]
    public void A_delegate_virtual_service_may_not_have_tcp_routes()
    {
        var yaml = With("""
            tcp:
            - route:
              - destination: {host: reviews}
            """);
        AssertSingleError(yaml, "spec.tcp", "delegate virtual service must have no tcp route specified", "tcp:");
    }

    [Fact]
    public void A_delegate_virtual_service_with_only_http_routes_is_valid()
    {
        AssertValid(With("""
            http:
            - match:
              - uri: {prefix: /reviews}
              route:
              - destination: {host: reviews}
            """));
    }

    [Fact]
    public void ExportTo_with_a_duplicate_namespace_is_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            exportTo: [".", default]
            http:
            - route:
              - destination: {host: reviews}
            """);
        var d = Single(yaml);
        Assert.Equal("spec.exportTo", d.FieldPath);
        Assert.Equal("duplicate entries in exportTo for entry default", d.Message);
        Assert.Equal(Line(yaml, "exportTo:"), d.Span.Line);
    }

    [Fact]
    public void ExportTo_star_and_dot_are_valid_alone()
    {
        AssertValid(With("""
            hosts: [reviews]
            exportTo: ["*"]
            http:
            - route:
              - destination: {host: reviews}
            """));
    }
}
