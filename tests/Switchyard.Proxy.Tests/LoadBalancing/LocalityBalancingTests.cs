using Switchyard.Model.Networking;
using Switchyard.Proxy.LoadBalancing;
using Switchyard.Proxy.Tests.TestSupport;
using Switchyard.Registry;
using Switchyard.Translation.Policies.LoadBalancer;

namespace Switchyard.Proxy.Tests.LoadBalancing;

/// <summary>
/// localityLbSetting as Istio lays it out for Envoy, on the real balancers: distribute shares,
/// failover by locality tiers and failoverPriority label tiers, each moving traffic on only when
/// the better tier is ejected.
/// </summary>
public class LocalityBalancingTests
{
    private const string Local = "us-east/zone-a/sub-1";

    private static EndpointState Ep(string ip, string locality, string labels = "")
    {
        var map = labels.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(kv => kv.Split('='))
            .ToDictionary(kv => kv[0], kv => kv[1]);
        return new EndpointState(new Endpoint(ip, 80, map, locality, 1), 0);
    }

    private static Dictionary<string, int> Picks(ILoadBalancer lb, int n = 2000)
    {
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < n; i++)
        {
            var e = lb.Pick(new LbRequest(null));
            var key = e?.Endpoint.Address ?? "none";
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    private static ILoadBalancer Create(LocalityLoadBalancerSetting setting, IReadOnlyList<EndpointState> endpoints,
        bool outlierDetection = true, IReadOnlyDictionary<string, string>? localLabels = null) =>
        LoadBalancerFactory.Create(LoadBalancerSpec.Compile(new LoadBalancerSettings { Simple = SimpleLB.ROUND_ROBIN, LocalityLbSetting = setting }),
            endpoints, new SeededRandom(3), TimeProvider.System, Local, outlierDetection, localLabels);

    [Fact]
    public void Failover_keeps_traffic_in_the_same_subzone_and_moves_to_the_zone_when_it_is_ejected()
    {
        var same = Ep("10.0.0.1", "us-east/zone-a/sub-1");
        var zone = Ep("10.0.0.2", "us-east/zone-a/sub-2");
        var region = Ep("10.0.0.3", "us-east/zone-b/sub-1");
        var lb = Create(new LocalityLoadBalancerSetting(), [same, zone, region]);

        Assert.Equal(2000, Picks(lb).GetValueOrDefault("10.0.0.1"));
        same.IsEjected = true;
        Assert.Equal(2000, Picks(lb).GetValueOrDefault("10.0.0.2"));
        zone.IsEjected = true;
        Assert.Equal(2000, Picks(lb).GetValueOrDefault("10.0.0.3"));
    }

    [Fact]
    public void RetryRemoteLocalities_leaves_a_level_after_two_attempts_there()
    {
        var near1 = Ep("10.0.0.1", Local);
        var near2 = Ep("10.0.0.2", Local);
        var far = Ep("10.0.0.3", "eu-west/zone-x/s");
        var lb = Create(new LocalityLoadBalancerSetting(), [near1, near2, far]);

        // Envoy's previous_priorities with Istio's update_frequency 2: one attempt in the local
        // level keeps the next pick there; after two the retry goes to the remote level.
        for (var i = 0; i < 200; i++)
        {
            Assert.Same(near2, lb.Pick(new LbRequest(null, near1, [near1])));
            Assert.Same(far, lb.Pick(new LbRequest(null, near2, [near1, near2])));
        }
    }

    [Fact]
    public void RetryRemoteLocalities_stays_when_no_other_level_has_a_healthy_endpoint()
    {
        var near1 = Ep("10.0.0.1", Local);
        var near2 = Ep("10.0.0.2", Local);
        var far = Ep("10.0.0.3", "eu-west/zone-x/s");
        var lb = Create(new LocalityLoadBalancerSetting(), [near1, near2, far]);
        far.IsEjected = true;
        Assert.Same(near1, lb.Pick(new LbRequest(null, near2, [near1, near2])));
    }

    [Fact]
    public void Without_outlier_detection_failover_does_not_apply_and_all_localities_share()
    {
        var lb = Create(new LocalityLoadBalancerSetting(), [Ep("10.0.0.1", Local), Ep("10.0.0.2", "eu-west/zone-x/s")], outlierDetection: false);
        var picks = Picks(lb);
        Assert.Equal(1000, picks["10.0.0.1"]);
        Assert.Equal(1000, picks["10.0.0.2"]);
    }

    [Fact]
    public void Distribute_gives_each_named_locality_its_share()
    {
        var setting = new LocalityLoadBalancerSetting
        {
            Distribute = [new LocalityDistribute { From = "us-east/zone-a/*", To = new Dictionary<string, uint> { ["us-east/zone-a/*"] = 80, ["us-east/zone-b/*"] = 20 } }],
        };
        var lb = Create(setting, [Ep("10.0.0.1", Local), Ep("10.0.0.2", "us-east/zone-b/sub-1"), Ep("10.0.0.3", "eu-west/zone-x/s")]);
        var picks = Picks(lb, 4000);
        Assert.InRange(picks.GetValueOrDefault("10.0.0.1"), 3000, 3400);
        Assert.InRange(picks.GetValueOrDefault("10.0.0.2"), 600, 1000);
        Assert.Equal(0, picks.GetValueOrDefault("10.0.0.3"));
    }

    [Fact]
    public void FailoverPriority_prefers_endpoints_sharing_the_most_leading_labels_with_the_proxy()
    {
        var mine = new Dictionary<string, string> { ["topology.istio.io/network"] = "net-1", ["version"] = "v1" };
        var both = Ep("10.0.0.1", "eu-west/zone-x/s", "topology.istio.io/network=net-1,version=v1");
        var network = Ep("10.0.0.2", Local, "topology.istio.io/network=net-1,version=v2");
        var none = Ep("10.0.0.3", Local, "topology.istio.io/network=net-2,version=v1");
        var setting = new LocalityLoadBalancerSetting { FailoverPriority = ["topology.istio.io/network", "version"] };
        var lb = Create(setting, [both, network, none], localLabels: mine);

        // Labels outrank locality: the far endpoint that shares both labels takes everything.
        Assert.Equal(2000, Picks(lb).GetValueOrDefault("10.0.0.1"));
        both.IsEjected = true;
        Assert.Equal(2000, Picks(lb).GetValueOrDefault("10.0.0.2"));
        network.IsEjected = true;
        Assert.Equal(2000, Picks(lb).GetValueOrDefault("10.0.0.3"));
    }

    [Fact]
    public void FailoverPriority_key_value_entry_compares_the_endpoint_with_the_value_given()
    {
        var canary = Ep("10.0.0.1", Local, "track=canary");
        var stable = Ep("10.0.0.2", Local, "track=stable");
        var setting = new LocalityLoadBalancerSetting { FailoverPriority = ["track=stable"] };
        var lb = Create(setting, [canary, stable], localLabels: new Dictionary<string, string> { ["track"] = "canary" });

        Assert.Equal(2000, Picks(lb).GetValueOrDefault("10.0.0.2"));
        stable.IsEjected = true;
        Assert.Equal(2000, Picks(lb).GetValueOrDefault("10.0.0.1"));
    }

    [Fact]
    public void FailoverPriority_topology_labels_are_read_from_localities()
    {
        var zone = Ep("10.0.0.1", "us-east/zone-a/sub-9");
        var region = Ep("10.0.0.2", "us-east/zone-b/sub-1");
        var setting = new LocalityLoadBalancerSetting { FailoverPriority = ["topology.kubernetes.io/region", "topology.kubernetes.io/zone"] };
        var lb = Create(setting, [region, zone]);

        Assert.Equal(2000, Picks(lb).GetValueOrDefault("10.0.0.1"));
    }
}
