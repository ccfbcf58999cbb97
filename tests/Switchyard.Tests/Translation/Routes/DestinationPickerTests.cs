using Switchyard.Translation.Routes;
using static Switchyard.Tests.Translation.Routes.RouteFixtures;

namespace Switchyard.Tests.Translation.Routes;

public class DestinationPickerTests
{
    private static RouteEntry Route(params (string Subset, int? Weight)[] destinations)
    {
        var lines = string.Join("\n", destinations.Select(d =>
            $"    - destination: {{host: reviews, subset: {d.Subset}}}" + (d.Weight is { } w ? $"\n      weight: {w}" : "")));
        var yaml = $"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {"{"}name: reviews, namespace: default{"}"}
            spec:
              hosts: [reviews]
              http:
              - route:
            {lines}
            """;
        return Assert.Single(Host(yaml).Routes);
    }

    private static Dictionary<string, int> Counts(RouteEntry route, int picks, int seed = 42)
    {
        var random = new SeededRandom(seed);
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < picks; i++)
        {
            var subset = DestinationPicker.Pick(route, random)!.ClusterName.Split('|')[2];
            counts[subset] = counts.GetValueOrDefault(subset) + 1;
        }
        return counts;
    }

    [Fact]
    public void Traffic_splits_by_weight()
    {
        var counts = Counts(Route(("v1", 75), ("v2", 20), ("v3", 5)), 10_000);
        Assert.InRange(counts["v1"], 7_300, 7_700);
        Assert.InRange(counts["v2"], 1_800, 2_200);
        Assert.InRange(counts["v3"], 400, 600);
    }

    [Fact]
    public void Even_split_is_even()
    {
        var counts = Counts(Route(("v1", 50), ("v2", 50)), 10_000, seed: 7);
        Assert.InRange(counts["v1"], 4_800, 5_200);
    }

    [Fact]
    public void Zero_weight_is_never_picked()
    {
        var counts = Counts(Route(("v1", 0), ("v2", 100), ("v3", 0)), 10_000);
        Assert.Equal(10_000, counts["v2"]);
        Assert.Single(counts);
    }

    [Fact]
    public void A_single_destination_gets_everything_whatever_its_weight()
    {
        Assert.Equal(100, Counts(Route(("v1", null)), 100)["v1"]);
        Assert.Equal(100, Counts(Route(("v1", 0)), 100)["v1"]);
    }

    [Fact]
    public void No_destination_gives_null()
    {
        var route = Assert.Single(Host("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews, namespace: default}
            spec:
              hosts: [reviews]
              http:
              - redirect: {uri: /elsewhere}
            """).Routes);
        Assert.Null(DestinationPicker.Pick(route, new SeededRandom(1)));
    }

    [Fact]
    public void Several_destinations_all_weighing_zero_give_null()
    {
        Assert.Null(DestinationPicker.Pick(Route(("v1", 0), ("v2", 0)), new SeededRandom(1)));
    }
}
