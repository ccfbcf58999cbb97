using Switchyard.Proxy.LoadBalancing;
using Switchyard.Proxy.Tests.TestSupport;
using Switchyard.Registry;

namespace Switchyard.Proxy.Tests.LoadBalancing;

/// <summary>
/// ROUND_ROBIN with an ejected endpoint: Envoy builds its schedule over the healthy hosts only, so
/// the ejected endpoint's share is spread over the others in proportion to their weights. Before,
/// the next endpoint in the cycle took all of it (counts 2:1:1 with four endpoints and one ejected).
/// </summary>
public class RoundRobinEjectionTests
{
    private static EndpointState Ep(string ip, uint weight = 1) =>
        new(new Endpoint(ip, 80, new Dictionary<string, string>(), "", weight), 0);

    private static Dictionary<string, int> Picks(ILoadBalancer lb, int n)
    {
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < n; i++)
        {
            var key = lb.Pick(new LbRequest(null))?.Endpoint.Address ?? "none";
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void With_four_endpoints_and_one_ejected_300_requests_give_each_remaining_endpoint_100(int ejected)
    {
        EndpointState[] endpoints = [Ep("10.0.0.1"), Ep("10.0.0.2"), Ep("10.0.0.3"), Ep("10.0.0.4")];
        var lb = new RoundRobinBalancer(endpoints, new SeededRandom(5));
        endpoints[ejected].IsEjected = true;

        var counts = Picks(lb, 300);

        Assert.Equal(3, counts.Count);
        Assert.False(counts.ContainsKey(endpoints[ejected].Endpoint.Address));
        Assert.All(counts.Values, c => Assert.Equal(100, c));
    }

    [Fact]
    public void An_ejected_endpoints_share_goes_to_the_others_by_weight_and_returns_when_it_does()
    {
        EndpointState[] endpoints = [Ep("10.0.0.1", 1), Ep("10.0.0.2", 1), Ep("10.0.0.3", 2), Ep("10.0.0.4", 4)];
        var lb = new RoundRobinBalancer(endpoints, new SeededRandom(9));
        endpoints[3].IsEjected = true;

        // 800 turns = 100 cycles of 8; the ejected endpoint's 400 go 1:1:2 to the others.
        var ejected = Picks(lb, 800);
        Assert.Equal(200, ejected["10.0.0.1"]);
        Assert.Equal(200, ejected["10.0.0.2"]);
        Assert.Equal(400, ejected["10.0.0.3"]);

        endpoints[3].IsEjected = false;
        var back = Picks(lb, 800);
        Assert.Equal([100, 100, 200, 400], endpoints.Select(e => back[e.Endpoint.Address]).ToArray());
    }

    [Fact]
    public void When_every_endpoint_is_ejected_there_is_none_to_pick()
    {
        EndpointState[] endpoints = [Ep("10.0.0.1"), Ep("10.0.0.2")];
        var lb = new RoundRobinBalancer(endpoints, new SeededRandom(1));
        foreach (var e in endpoints) e.IsEjected = true;
        Assert.Null(lb.Pick(new LbRequest(null)));
    }

    [Fact]
    public void A_retry_avoids_the_endpoint_that_failed_even_when_its_neighbour_is_ejected()
    {
        EndpointState[] endpoints = [Ep("10.0.0.1"), Ep("10.0.0.2"), Ep("10.0.0.3")];
        var lb = new RoundRobinBalancer(endpoints, new SeededRandom(2));
        endpoints[1].IsEjected = true;
        for (var i = 0; i < 30; i++)
            Assert.Same(endpoints[2], lb.Pick(new LbRequest(null, Exclude: endpoints[0])));
        // The only healthy endpoint is picked even when it is the one to avoid.
        endpoints[2].IsEjected = true;
        Assert.Same(endpoints[0], lb.Pick(new LbRequest(null, Exclude: endpoints[0])));
    }
}
