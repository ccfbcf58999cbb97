using Switchyard.Model.Networking;
using Switchyard.Translation.Normalize;

namespace Switchyard.Tests.Translation;

public class PolicyMergerTests
{
    private static readonly LoadBalancerSettings RoundRobin = new() { Simple = SimpleLB.ROUND_ROBIN };
    private static readonly LoadBalancerSettings Random = new() { Simple = SimpleLB.RANDOM };
    private static readonly ConnectionPoolSettings SmallPool = new() { Tcp = new TCPSettings { MaxConnections = 1 } };
    private static readonly OutlierDetection Ejection = new() { Consecutive5xxErrors = 3 };

    [Fact]
    public void Top_level_policy_applies_to_every_port_without_port_settings()
    {
        var policy = PolicyMerger.Merge(new TrafficPolicy { LoadBalancer = RoundRobin, ConnectionPool = SmallPool }, null, 80);
        Assert.Equal((RoundRobin, SmallPool), (policy.LoadBalancer, policy.ConnectionPool));
    }

    [Fact]
    public void Port_level_settings_replace_the_top_level_and_omitted_fields_fall_back_to_defaults()
    {
        var rule = new TrafficPolicy
        {
            LoadBalancer = RoundRobin,
            ConnectionPool = SmallPool,
            PortLevelSettings = [new PortTrafficPolicy { Port = new PortSelector { Number = 9000 }, LoadBalancer = Random }],
        };
        var onPort = PolicyMerger.Merge(rule, null, 9000);
        Assert.Equal(Random, onPort.LoadBalancer);
        Assert.Null(onPort.ConnectionPool);
        Assert.Equal(SmallPool, PolicyMerger.Merge(rule, null, 80).ConnectionPool);
    }

    [Fact]
    public void Subset_overrides_field_by_field_and_keeps_the_rest()
    {
        var policy = PolicyMerger.Merge(
            new TrafficPolicy { LoadBalancer = RoundRobin, ConnectionPool = SmallPool },
            new TrafficPolicy { LoadBalancer = Random, OutlierDetection = Ejection }, 80);
        Assert.Equal((Random, SmallPool, Ejection), (policy.LoadBalancer, policy.ConnectionPool, policy.OutlierDetection));
    }

    [Fact]
    public void Subset_port_level_comes_last_and_replaces_everything()
    {
        var subset = new TrafficPolicy
        {
            LoadBalancer = Random,
            PortLevelSettings = [new PortTrafficPolicy { Port = new PortSelector { Number = 80 }, OutlierDetection = Ejection }],
        };
        var policy = PolicyMerger.Merge(new TrafficPolicy { ConnectionPool = SmallPool }, subset, 80);
        Assert.Equal(Ejection, policy.OutlierDetection);
        Assert.Null(policy.LoadBalancer);
        Assert.Null(policy.ConnectionPool);
    }
}
