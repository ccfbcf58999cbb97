using System.Net;
using Microsoft.Extensions.Time.Testing;
using Switchyard.Loading;
using Switchyard.Proxy.LoadBalancing;
using Switchyard.Proxy.Runtime;
using Switchyard.Registry;
using Switchyard.TestCommon;
using Switchyard.Translation;

namespace Switchyard.Proxy.Tests.HotReload;

/// <summary>
/// The state a reload must keep (as YARP keeps its DestinationState): an endpoint's ejection, its
/// requests in flight and the cluster's breaker occupancy survive a config change that does not
/// change their own input, and a relabelled endpoint keeps its state but is balanced by its new
/// locality. Real translation and reconciler, fake clock for ejection timing.
/// </summary>
public class ReloadKeepsStateTests
{
    private const string Cluster = "outbound|80||reviews.default.svc.cluster.local";

    private static string Mesh(string endpoints, string trafficPolicy, string vsHeader = "x-a") => Mesh(endpoints, trafficPolicy, "[{headers: {" + vsHeader + ": {exact: \"1\"}}}]", 0);

    private static string Mesh(string endpoints, string trafficPolicy, string match, int _) => $$"""
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: reviews, namespace: default}
        spec:
          hosts: [reviews.default.svc.cluster.local]
          location: MESH_INTERNAL
          resolution: STATIC
          ports: [{number: 80, name: http, protocol: HTTP}]
          endpoints:
        {{endpoints}}
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: reviews, namespace: default}
        spec:
          host: reviews.default.svc.cluster.local
          trafficPolicy: {{trafficPolicy}}
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews, namespace: default}
        spec:
          hosts: [reviews.default.svc.cluster.local]
          http:
          - match: {{match}}
            route:
            - destination: {host: reviews.default.svc.cluster.local}
        """;

    private const string TwoEndpoints = """
          - {address: 10.0.0.1, ports: {http: 8080}, locality: r1/z1/s1, labels: {version: v1}}
          - {address: 10.0.0.2, ports: {http: 8080}, locality: r2/z2/s2, labels: {version: v1}}
        """;

    private const string Policy = "{outlierDetection: {consecutive5xxErrors: 2, interval: 1s, baseEjectionTime: 30s, maxEjectionPercent: 100}, connectionPool: {http: {http2MaxRequests: 10}}}";

    private static MeshSnapshot Snapshot(string yaml, long version)
    {
        var load = ConfigLoader.LoadText(yaml, "mesh.yaml");
        Assert.Empty(load.AllDiagnostics);
        return MeshTranslator.Translate(load.Resources, ServiceRegistry.Build(load.Resources), new TranslationOptions(), version);
    }

    private static EndpointState Endpoint(ProxyStateHolder holder, string address) =>
        holder.Current.Clusters[Cluster].Endpoints.Single(e => e.Endpoint.Address == address);

    [Fact]
    public async Task Ejection_in_flight_count_and_breaker_occupancy_survive_a_reload_that_changes_other_inputs()
    {
        var time = new FakeTimeProvider();
        var holder = new ProxyStateHolder(new ClusterReconciler(new SeededRandom(1), time, null), time);
        holder.Apply(Snapshot(Mesh(TwoEndpoints, Policy), 1));
        var runtime = holder.Current.Clusters[Cluster];
        var bad = Endpoint(holder, "10.0.0.1");
        var busy = Endpoint(holder, "10.0.0.2");
        for (var i = 0; i < 2; i++) runtime.Outlier!.Report(bad, new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), null);
        Assert.True(bad.IsEjected);
        busy.OnRequestStart();
        using var lease = await runtime.Pool!.AcquireAsync(http1: false, CancellationToken.None);
        Assert.NotNull(lease);

        // The VirtualService, the balancer and the endpoint set all change; the outlier settings,
        // the pool limits and the two endpoints' addresses do not.
        var threeEndpoints = TwoEndpoints + "\n  - {address: 10.0.0.3, ports: {http: 8080}, locality: r1/z1/s1, labels: {version: v2}}";
        var policy = Policy.Replace("{outlierDetection", "{loadBalancer: {simple: ROUND_ROBIN}, outlierDetection", StringComparison.Ordinal);
        holder.Apply(Snapshot(Mesh(threeEndpoints, policy, vsHeader: "x-b"), 2));

        Assert.Same(runtime, holder.Current.Clusters[Cluster]);
        Assert.Same(bad, Endpoint(holder, "10.0.0.1"));
        Assert.Same(busy, Endpoint(holder, "10.0.0.2"));
        Assert.True(bad.IsEjected, "the ejection was lost");
        Assert.Equal(1, runtime.Outlier!.EjectedCount);
        Assert.Equal(1, runtime.Outlier.TimesEjected(bad));
        Assert.Equal(1, busy.ActiveRequests);
        Assert.Equal(1, runtime.Pool!.ActiveRequests);
        Assert.IsType<RoundRobinBalancer>(runtime.Balancer);

        // The kept ejection still ends on time: base ejection 30s, swept every 1s.
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.True(bad.IsEjected);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(bad.IsEjected);

        lease!.Dispose();
        busy.OnRequestEnd();
        Assert.Equal(0, runtime.Pool.ActiveRequests);
    }

    [Fact]
    public void An_endpoint_only_change_rebuilds_that_clusters_balancer_and_no_other_part()
    {
        var time = new FakeTimeProvider();
        var holder = new ProxyStateHolder(new ClusterReconciler(new SeededRandom(1), time, null), time);
        holder.Apply(Snapshot(Mesh(TwoEndpoints, Policy), 1));
        var before = holder.Current.Clusters[Cluster].Parts;
        var threeEndpoints = TwoEndpoints + "\n  - {address: 10.0.0.3, ports: {http: 8080}, locality: r1/z1/s1, labels: {version: v2}}";
        holder.Apply(Snapshot(Mesh(threeEndpoints, Policy), 2));
        var after = holder.Current.Clusters[Cluster].Parts;
        Assert.Same(before.Client, after.Client);
        Assert.Same(before.Pool, after.Pool);
        Assert.NotSame(before.Balancer, after.Balancer);
        Assert.Equal(3, after.Endpoints.Count);
    }

    [Fact]
    public void A_relabelled_endpoint_keeps_its_state_and_traffic_follows_its_new_locality()
    {
        var time = new FakeTimeProvider();
        // The proxy is in r1/z1/s1: with outlier detection on, Istio's failover sends everything
        // to the endpoints of its own locality while they are healthy.
        var holder = new ProxyStateHolder(new ClusterReconciler(new SeededRandom(1), time, "r1/z1/s1"), time);
        holder.Apply(Snapshot(Mesh(TwoEndpoints, Policy), 1));
        var first = Endpoint(holder, "10.0.0.1");
        var second = Endpoint(holder, "10.0.0.2");
        first.OnRequestStart();
        Assert.Equal(["10.0.0.1"], Picks(holder));

        // The two pods swap localities (as a rescheduled pod's topology labels would change).
        var swapped = TwoEndpoints.Replace("r1/z1/s1", "TMP", StringComparison.Ordinal).Replace("r2/z2/s2", "r1/z1/s1", StringComparison.Ordinal).Replace("TMP", "r2/z2/s2", StringComparison.Ordinal);
        holder.Apply(Snapshot(Mesh(swapped, Policy), 2));

        Assert.Same(first, Endpoint(holder, "10.0.0.1"));
        Assert.Same(second, Endpoint(holder, "10.0.0.2"));
        Assert.Equal("r2/z2/s2", first.Endpoint.Locality);
        Assert.Equal(1, first.ActiveRequests);
        Assert.Equal(["10.0.0.2"], Picks(holder));
    }

    private static string[] Picks(ProxyStateHolder holder)
    {
        var picked = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 200; i++)
            picked.Add(holder.Current.Clusters[Cluster].Balancer.Pick(new LbRequest(null))!.Endpoint.Address);
        return [.. picked.Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void A_request_that_picked_a_cluster_a_reload_then_removed_gets_no_client_and_is_answered_as_a_missing_cluster()
    {
        var time = new FakeTimeProvider();
        var holder = new ProxyStateHolder(new ClusterReconciler(new SeededRandom(1), time, null), time);
        holder.Apply(Snapshot(Mesh(TwoEndpoints, Policy), 1));
        // The request read the old state and picked the cluster...
        var picked = holder.Current.Clusters[Cluster];
        // ...then a reload removed the service, and with it the cluster and its client.
        holder.Apply(Snapshot(Mesh(TwoEndpoints, Policy).Replace("reviews", "ratings", StringComparison.Ordinal), 2));
        Assert.False(holder.Current.Clusters.ContainsKey(Cluster));

        using var lease = picked.AcquireClient();
        Assert.False(lease.IsHeld);
        Assert.True(lease.Client.IsDisposed);
    }

    [Fact]
    public void A_request_holding_a_client_keeps_it_open_until_it_ends_though_a_reload_removed_its_cluster()
    {
        var time = new FakeTimeProvider();
        var holder = new ProxyStateHolder(new ClusterReconciler(new SeededRandom(1), time, null), time);
        holder.Apply(Snapshot(Mesh(TwoEndpoints, Policy), 1));
        var lease = holder.Current.Clusters[Cluster].AcquireClient();
        Assert.True(lease.IsHeld);

        holder.Apply(Snapshot(Mesh(TwoEndpoints, Policy).Replace("reviews", "ratings", StringComparison.Ordinal), 2));
        Assert.False(lease.Client.IsDisposed);
        lease.Dispose();
        Assert.True(lease.Client.IsDisposed);
    }
}
