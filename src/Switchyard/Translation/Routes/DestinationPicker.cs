using Switchyard.Randomness;

namespace Switchyard.Translation.Routes;

/// <summary>
/// Chooses one of a route's weighted destinations, as Envoy's weighted_clusters does: a random
/// number in [0, total weight) falls into one destination's slice of the cumulative weights, so a
/// destination's share is weight / total and a weight of 0 is never chosen.
/// </summary>
public static class DestinationPicker
{
    /// <summary>The chosen destination; null when the route has none, or several that all weigh 0.</summary>
    public static WeightedCluster? Pick(RouteEntry route, IRandomSource random)
    {
        var destinations = route.Destinations;
        if (destinations.Count == 0)
        {
            return null;
        }
        // Istio: a single destination gets all traffic whatever its weight (no random draw).
        if (destinations.Count == 1)
        {
            return destinations[0];
        }
        var total = route.TotalWeight;
        if (total <= 0)
        {
            return null;
        }
        var draw = random.Next(total);
        var end = 0;
        WeightedCluster? last = null;
        for (var i = 0; i < destinations.Count; i++)
        {
            var weight = destinations[i].Weight;
            if (weight <= 0)
            {
                continue;
            }
            last = destinations[i];
            end += weight;
            if (draw < end)
            {
                return last;
            }
        }
        // Only reachable with negative weights (rejected by validation) skewing the total.
        return last;
    }
}
