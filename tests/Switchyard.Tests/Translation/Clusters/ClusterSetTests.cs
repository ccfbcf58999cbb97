using Switchyard.Translation.Policies.LoadBalancer;
using static Switchyard.Tests.Translation.TranslationFixture;

namespace Switchyard.Tests.Translation.Clusters;

/// <summary>Istio's CDS builds a cluster for every service port and every subset of the
/// DestinationRule that applies, whatever the VirtualServices' weights; clusters are value
/// records, so the proxy can tell an unchanged cluster with <c>==</c>.</summary>
public class ClusterSetTests
{
    private static readonly string Reviews = Service("reviews", ports: "[{ name: http, port: 80, targetPort: 8080 }, { name: http-admin, port: 9000, targetPort: 9000 }]")
        + Pod("reviews", "10.0.0.1", "v1") + Pod("reviews", "10.0.0.2", "v2");

    private const string Subsets = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: { name: reviews, namespace: default }
        spec:
          host: reviews
          subsets:
          - { name: v1, labels: { version: v1 } }
          - { name: v2, labels: { version: v2 } }
          - { name: v3, labels: { version: v3 } }
        ---

        """;

    private static string Split(int v1, int v2) => $$"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: { name: reviews, namespace: default }
        spec:
          hosts: [reviews]
          http:
          - route:
            - { destination: { host: reviews, subset: v1, port: { number: 80 } }, weight: {{v1}} }
            - { destination: { host: reviews, subset: v2, port: { number: 80 } }, weight: {{v2}} }
        ---

        """;

    [Fact]
    public void Every_port_and_every_subset_of_the_destination_rule_gets_a_cluster_without_any_route_asking()
    {
        var snapshot = Translate(Reviews + Subsets);
        string[] expected = [
            "outbound|80||reviews.default.svc.cluster.local", "outbound|80|v1|reviews.default.svc.cluster.local",
            "outbound|80|v2|reviews.default.svc.cluster.local", "outbound|80|v3|reviews.default.svc.cluster.local",
            "outbound|9000||reviews.default.svc.cluster.local", "outbound|9000|v1|reviews.default.svc.cluster.local",
            "outbound|9000|v2|reviews.default.svc.cluster.local", "outbound|9000|v3|reviews.default.svc.cluster.local"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), snapshot.Clusters.Keys.Order(StringComparer.Ordinal));
        // A subset no endpoint matches is still a cluster (Envoy answers 503 UH, not NC).
        Assert.Empty(snapshot.Clusters["outbound|80|v3|reviews.default.svc.cluster.local"].Endpoints);
    }

    [Fact]
    public void Flipping_a_split_between_100_0_and_0_100_keeps_the_same_clusters_equal_by_value()
    {
        var before = Translate(Reviews + Subsets + Split(100, 0));
        var after = Translate(Reviews + Subsets + Split(0, 100));
        Assert.Equal(before.Clusters.Keys.Order(StringComparer.Ordinal), after.Clusters.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, cluster) in before.Clusters)
            Assert.True(cluster == after.Clusters[name], $"{name} changed although only weights did");
        Assert.Equal("outbound|80|v1|reviews.default.svc.cluster.local", Assert.Single(before.FindVirtualHost("reviews")!.Routes[0].Destinations).ClusterName);
        Assert.Equal("outbound|80|v2|reviews.default.svc.cluster.local", Assert.Single(after.FindVirtualHost("reviews")!.Routes[0].Destinations).ClusterName);
    }

    [Fact]
    public void A_relabelled_endpoint_makes_the_cluster_unequal_and_only_that_cluster()
    {
        var before = Translate(Reviews + Subsets);
        var after = Translate(Service("reviews", ports: "[{ name: http, port: 80, targetPort: 8080 }, { name: http-admin, port: 9000, targetPort: 9000 }]")
            + Pod("reviews", "10.0.0.1", "v1") + Pod("reviews", "10.0.0.2", "v3") + Subsets);
        var changed = before.Clusters.Where(kv => kv.Value != after.Clusters[kv.Key]).Select(kv => kv.Key).Order(StringComparer.Ordinal);
        string[] expected = [
            "outbound|80||reviews.default.svc.cluster.local", "outbound|80|v2|reviews.default.svc.cluster.local", "outbound|80|v3|reviews.default.svc.cluster.local",
            "outbound|9000||reviews.default.svc.cluster.local", "outbound|9000|v2|reviews.default.svc.cluster.local", "outbound|9000|v3|reviews.default.svc.cluster.local"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), changed);
    }

    [Fact]
    public void Compiled_policy_fills_istio_and_envoy_defaults()
    {
        var policy = Translate(Reviews).Clusters["outbound|80||reviews.default.svc.cluster.local"].Policy;
        Assert.Equal(LbAlgorithm.LeastRequest, policy.LoadBalancer.Algorithm);
        Assert.True(policy.LoadBalancer.Locality.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(10), policy.Client.ConnectTimeout);
        Assert.Equal(TimeSpan.FromHours(1), policy.Client.IdleTimeout);
        Assert.Equal(uint.MaxValue, policy.Pool.MaxRequests);
        Assert.Null(policy.Outlier);
        Assert.Null(policy.Tls);
    }
}
