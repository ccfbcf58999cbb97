using Switchyard.Translation;
using Switchyard.Translation.Routes;
using static Switchyard.Tests.Translation.Routes.RouteFixtures;

namespace Switchyard.Tests.Translation.Routes;

public class RouteTableTests
{
    private const string Ordered = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          namespace: default
        spec:
          hosts: [reviews]
          http:
          - name: exact-login
            match:
            - uri: {exact: /api/login}
            route:
            - destination: {host: reviews, subset: v3}
          - name: api
            match:
            - uri: {prefix: /api}
            - uri: {prefix: /v1/api}
            route:
            - destination: {host: reviews, subset: v2}
          - name: catch-all-api-shadowed
            match:
            - uri: {prefix: /api/users}
            route:
            - destination: {host: reviews, subset: v1}
        """;

    [Fact]
    public void First_matching_rule_wins()
    {
        var host = Host(Ordered);
        Assert.Equal("exact-login", RouteFor(host, Get("/api/login")));
        Assert.Equal("api", RouteFor(host, Get("/api/login/more")));
        Assert.Equal("api", RouteFor(host, Get("/v1/api/x")));
        // The later, more specific rule never wins: order, not specificity, decides.
        Assert.Equal("api", RouteFor(host, Get("/api/users/7")));
    }

    [Fact]
    public void No_matching_rule_gives_null()
    {
        Assert.Null(RouteTable.Match(Host(Ordered), Get("/web")));
        Assert.Null(RouteTable.Match(new VirtualHost("empty", []), Get("/")));
    }

    [Fact]
    public void Routes_keep_their_provenance()
    {
        var route = RouteTable.Match(Host(Ordered), Get("/api/x"))!;
        Assert.Equal(1, route.Source.RuleIndex);
        Assert.Equal("reviews", route.Source.Resource.Name);
        Assert.Equal("outbound|80|v2|reviews", Assert.Single(route.Destinations).ClusterName);
    }

    [Fact]
    public void A_rule_only_for_another_workload_is_passed_over()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews, namespace: default}
            spec:
              hosts: [reviews]
              http:
              - name: from-productpage
                match:
                - sourceLabels: {app: productpage}
                route:
                - destination: {host: reviews, subset: v2}
              - name: default
                route:
                - destination: {host: reviews, subset: v1}
            """;
        Assert.Equal("from-productpage", RouteFor(Host(yaml, new Dictionary<string, string> { ["app"] = "productpage" }), Get("/")));
        Assert.Equal("default", RouteFor(Host(yaml, new Dictionary<string, string> { ["app"] = "ratings" }), Get("/")));
    }
}
