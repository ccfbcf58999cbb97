using Switchyard.Randomness;

namespace Switchyard.Proxy.LoadBalancing;

/// <summary>Weighted random choice over a set of endpoint indices, with the weights of the moment
/// (endpoint weight times the slow-start factor). O(n); used only while some endpoint warms up
/// or on the slow path after a first choice was ejected or excluded.</summary>
internal static class WeightedChoice
{
    public static double EffectiveWeight(EndpointState endpoint, SlowStart? slowStart, long now) =>
        slowStart is null ? endpoint.LbWeight : endpoint.LbWeight * slowStart.Factor(endpoint, now);

    /// <summary>One of <paramref name="candidates"/> (indices into <paramref name="endpoints"/>),
    /// chosen with probability proportional to its effective weight.</summary>
    public static int Pick(IReadOnlyList<EndpointState> endpoints, ReadOnlySpan<int> candidates,
        SlowStart? slowStart, long now, IRandomSource random)
    {
        var total = 0.0;
        for (var i = 0; i < candidates.Length; i++)
            total += EffectiveWeight(endpoints[candidates[i]], slowStart, now);
        var target = random.NextDouble() * total;
        for (var i = 0; i < candidates.Length; i++)
        {
            target -= EffectiveWeight(endpoints[candidates[i]], slowStart, now);
            if (target < 0) return candidates[i];
        }
        return candidates[^1];
    }

    /// <summary>All indices of <paramref name="endpoints"/> that <paramref name="eligibility"/>
    /// allows, or every index when <paramref name="eligibility"/> is null.</summary>
    public static int Collect(IReadOnlyList<EndpointState> endpoints, Eligibility? eligibility, Span<int> into)
    {
        if (eligibility is { } e) return e.Collect(endpoints, into);
        for (var i = 0; i < endpoints.Count; i++) into[i] = i;
        return endpoints.Count;
    }
}
