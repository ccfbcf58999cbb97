using Switchyard.Model.Networking;
using Switchyard.Translation;
using Switchyard.Translation.Policies.LoadBalancer;
using static Switchyard.Tests.Translation.TranslationFixture;

namespace Switchyard.Tests.Translation;

public class MeshTranslatorTests
{
    private const string Fqdn = "reviews.default.svc.cluster.local";

    private static readonly string Reviews = Service("reviews") + Pod("reviews", "10.0.0.1", "v1") + Pod("reviews", "10.0.0.2", "v2");

    private const string Subsets = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: { name: reviews, namespace: default }
        spec:
          host: reviews
          trafficPolicy: { loadBalancer: { simple: ROUND_ROBIN } }
          subsets:
          - name: v1
            labels: { version: v1 }
          - name: v2
            labels: { version: v2 }
            trafficPolicy: { loadBalancer: { simple: RANDOM } }
        ---

        """;

    private static string Vs(string http, string hosts = "[reviews]", string extra = "") => $$"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: { name: reviews, namespace: default }
        spec:
          hosts: {{hosts}}
        {{extra}}
          http:
        {{http}}
        ---

        """;

    [Fact]
    public void Service_answers_to_fqdn_svc_name_ns_and_short_name_with_and_without_port()
    {
        var snapshot = Translate(Reviews);
        var vh = snapshot.FindVirtualHost(Fqdn);
        Assert.NotNull(vh);
        foreach (var name in new[] { "reviews", "reviews:80", "reviews.default", "reviews.default:80", "reviews.default.svc", "Reviews.Default.Svc.Cluster.Local:80" })
            Assert.Same(vh, snapshot.FindVirtualHost(name));
    }

    [Fact]
    public void Short_name_is_only_a_key_for_proxies_in_the_service_namespace()
    {
        var snapshot = Translate(Reviews, proxyNamespace: "web");
        Assert.Null(snapshot.FindVirtualHost("reviews"));
        Assert.NotNull(snapshot.FindVirtualHost("reviews.default:80"));
    }

    [Fact]
    public void Service_without_virtual_service_gets_the_default_route_to_its_first_port()
    {
        var snapshot = Translate(Service("multi", ports: "[{ name: http, port: 8080 }, { name: grpc, port: 9090 }]"));
        var route = Assert.Single(snapshot.FindVirtualHost("multi.default.svc.cluster.local")!.Routes);
        var dest = Assert.Single(route.Destinations);
        Assert.Equal("outbound|8080||multi.default.svc.cluster.local", dest.ClusterName);
        Assert.Contains("outbound|9090||multi.default.svc.cluster.local", snapshot.Clusters.Keys);
        Assert.Same(snapshot.FindVirtualHost("multi"), snapshot.FindVirtualHost("multi:9090"));
    }

    [Fact]
    public void Virtual_service_rules_become_routes_in_order_with_names_and_provenance()
    {
        var snapshot = Translate(Reviews + Subsets + Vs("""
              - name: jason
                match: [{ headers: { end-user: { exact: jason } } }]
                route: [{ destination: { host: reviews, subset: v2 } }]
              - route: [{ destination: { host: reviews, subset: v1 } }]
            """));
        var routes = snapshot.FindVirtualHost("reviews")!.Routes;
        Assert.Equal(["jason", "reviews.default.1"], routes.Select(r => r.Name));
        Assert.Equal("outbound|80|v2|reviews.default.svc.cluster.local", routes[0].Destinations[0].ClusterName);
        Assert.Equal(100, routes[0].Destinations[0].Weight);
        Assert.Equal(1, routes[1].Source.RuleIndex);
        Assert.Equal("VirtualService", routes[1].Source.Resource.Kind);
        Assert.True(routes[1].Source.Span.Line > routes[0].Source.Span.Line);
    }

    [Fact]
    public void Subset_cluster_has_the_subset_endpoints_and_merged_policy()
    {
        var snapshot = Translate(Reviews + Subsets + Vs("""
              - route:
                - { destination: { host: reviews, subset: v1 }, weight: 80 }
                - { destination: { host: reviews, subset: v2 }, weight: 20 }
            """));
        var v1 = snapshot.Clusters["outbound|80|v1|reviews.default.svc.cluster.local"];
        var v2 = snapshot.Clusters["outbound|80|v2|reviews.default.svc.cluster.local"];
        Assert.Equal(["10.0.0.1:8080"], v1.Endpoints.Select(e => e.ToString()));
        Assert.Equal(LbAlgorithm.RoundRobin, v1.Policy.LoadBalancer.Algorithm);
        Assert.Equal(LbAlgorithm.Random, v2.Policy.LoadBalancer.Algorithm);
        Assert.Equal("DestinationRule", v2.Source!.Resource.Kind);
        Assert.Equal(2, snapshot.Clusters["outbound|80||reviews.default.svc.cluster.local"].Endpoints.Count);
        Assert.Equal([80, 20], snapshot.FindVirtualHost("reviews")!.Routes[0].Destinations.Select(d => d.Weight));
    }

    [Fact]
    public void Undefined_subset_gets_no_cluster_and_a_diagnostic()
    {
        var snapshot = Translate(Reviews + Vs("""
              - route: [{ destination: { host: reviews, subset: v3 } }]
            """));
        var name = "outbound|80|v3|reviews.default.svc.cluster.local";
        Assert.Equal(name, snapshot.FindVirtualHost("reviews")!.Routes[0].Destinations[0].ClusterName);
        Assert.DoesNotContain(name, snapshot.Clusters.Keys);
        var d = Assert.Single(snapshot.Diagnostics);
        Assert.Contains("subset v3", d.Message);
        Assert.Equal("spec.http[0].route[0].destination.subset", d.FieldPath);
    }

    [Fact]
    public void Omitted_weights_drop_destinations_when_others_have_weight_and_split_equally_when_none_do()
    {
        var snapshot = Translate(Reviews + Subsets + Vs("""
              - match: [{ uri: { prefix: /a } }]
                route:
                - { destination: { host: reviews, subset: v1 }, weight: 100 }
                - { destination: { host: reviews, subset: v2 } }
              - route:
                - { destination: { host: reviews, subset: v1 } }
                - { destination: { host: reviews, subset: v2 } }
            """));
        var routes = snapshot.FindVirtualHost("reviews")!.Routes;
        Assert.Equal("outbound|80|v1|reviews.default.svc.cluster.local", Assert.Single(routes[0].Destinations).ClusterName);
        Assert.Equal([1, 1], routes[1].Destinations.Select(d => d.Weight));
    }

    [Fact]
    public void Redirect_rule_keeps_no_destination_and_external_host_is_keyed_as_written()
    {
        var snapshot = Translate(Reviews + Vs("""
              - redirect: { uri: /v2 }
            """, hosts: "[api.example.com]"));
        var vh = snapshot.FindVirtualHost("api.example.com:8443");
        Assert.NotNull(vh);
        Assert.Empty(vh.Routes[0].Destinations);
    }

    [Fact]
    public void Virtual_service_for_a_gateway_only_or_not_exported_is_ignored()
    {
        var gatewayOnly = Translate(Reviews + Vs("  - route: [{ destination: { host: reviews, subset: v1 } }]", extra: "  gateways: [ingress]"));
        Assert.Equal("default", Assert.Single(gatewayOnly.FindVirtualHost("reviews")!.Routes).Name);
        var privateVs = Translate(Reviews + Vs("  - route: [{ destination: { host: reviews, subset: v1 } }]", extra: "  exportTo: ['.']"), proxyNamespace: "web");
        Assert.Equal("default", Assert.Single(privateVs.FindVirtualHost("reviews.default")!.Routes).Name);
    }

    [Fact]
    public void Several_ports_and_none_given_uses_the_first_with_a_diagnostic()
    {
        var snapshot = Translate(Service("multi", ports: "[{ name: http, port: 8080 }, { name: grpc, port: 9090 }]") + Vs("""
              - route: [{ destination: { host: multi } }]
            """, hosts: "[multi]"));
        Assert.Equal("outbound|8080||multi.default.svc.cluster.local", snapshot.FindVirtualHost("multi")!.Routes[0].Destinations[0].ClusterName);
        Assert.Contains(snapshot.Diagnostics, d => d.Message.Contains("several ports"));
    }

    [Fact]
    public void Translating_twice_gives_identical_json()
    {
        var yaml = Reviews + Subsets + Vs("""
              - route:
                - { destination: { host: reviews, subset: v1 }, weight: 50 }
                - { destination: { host: reviews, subset: v2 }, weight: 50 }
            """);
        Assert.Equal(SnapshotJson.Write(Translate(yaml)), SnapshotJson.Write(Translate(yaml)));
    }
}
