using Switchyard.Randomness;

namespace Switchyard.Proxy.LoadBalancing;

/// <summary>Locality-aware balancing as Envoy does it for Istio's localityLbSetting: endpoints in
/// priority levels (failover), each level in weighted locality groups (distribute), each group
/// balanced by the cluster's own policy.
/// <list type="bullet">
/// <item>A level takes traffic in proportion to its health, <c>min(100%, 1.4 × healthy/total)</c>
/// (Envoy's overprovisioning factor 1.4); what it cannot take spills to the next level. When the
/// levels' health sums below 100% the loads are scaled up to 100%.</item>
/// <item>Within a level, a group is chosen by its weight times <c>min(1, 1.4 × healthy/total)</c>.</item>
/// </list>
/// Build it with <see cref="LocalityLayout"/>.</summary>
public sealed class LocalityBalancer : ILoadBalancer
{
    private const double Overprovisioning = 1.4;
    private readonly LocalityLevel[] _levels;
    private readonly IRandomSource _random;

    public LocalityBalancer(IReadOnlyList<LocalityLevel> levels, IRandomSource random)
    {
        _levels = [.. levels];
        _random = random;
    }

    public IReadOnlyList<LocalityLevel> Levels => _levels;

    public EndpointState? Pick(in LbRequest request)
    {
        if (_levels.Length == 0) return null;
        var level = ChooseLevel();
        var picked = ChooseGroup(_levels[level]).Balancer.Pick(request);
        if (picked is not null && Eligibility.IsPreferred(picked, request.Exclude)) return picked;

        // The chosen place had nothing better (all ejected, or only the excluded endpoint):
        // any other group in priority order that has a preferred endpoint.
        foreach (var l in _levels)
            foreach (var group in l.Groups)
            {
                var other = group.Balancer.Pick(request);
                if (other is not null && Eligibility.IsPreferred(other, request.Exclude)) return other;
            }
        return picked;
    }

    private int ChooseLevel()
    {
        if (_levels.Length == 1) return 0;
        Span<double> health = _levels.Length <= 16 ? stackalloc double[_levels.Length] : new double[_levels.Length];
        var sum = 0.0;
        for (var i = 0; i < _levels.Length; i++)
            sum += health[i] = Math.Min(1.0, Overprovisioning * HealthyFraction(_levels[i].Endpoints));
        if (sum <= 0) return 0; // nothing healthy anywhere: the level's balancer ignores ejection
        if (health[0] >= 1.0) return 0;
        var scale = sum < 1.0 ? 1.0 / sum : 1.0;
        var target = _random.NextDouble();
        var remaining = 1.0;
        for (var i = 0; i < _levels.Length; i++)
        {
            var load = Math.Min(health[i] * scale, remaining);
            remaining -= load;
            if (target < load) return i;
            target -= load;
        }
        return _levels.Length - 1;
    }

    private LocalityGroup ChooseGroup(LocalityLevel level)
    {
        var groups = level.Groups;
        if (groups.Count == 1) return groups[0];
        var total = 0.0;
        for (var i = 0; i < groups.Count; i++) total += GroupWeight(groups[i]);
        if (total <= 0) return groups[_random.Next(groups.Count)];
        var target = _random.NextDouble() * total;
        for (var i = 0; i < groups.Count; i++)
        {
            target -= GroupWeight(groups[i]);
            if (target < 0) return groups[i];
        }
        return groups[^1];
    }

    private static double GroupWeight(LocalityGroup group) =>
        group.Weight * Math.Min(1.0, Overprovisioning * HealthyFraction(group.Endpoints));

    private static double HealthyFraction(IReadOnlyList<EndpointState> endpoints)
    {
        if (endpoints.Count == 0) return 0;
        var healthy = 0;
        for (var i = 0; i < endpoints.Count; i++) if (!endpoints[i].IsEjected) healthy++;
        return (double)healthy / endpoints.Count;
    }
}
