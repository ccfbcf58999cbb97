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
        var level = request.TriedPriorities is { Count: > 0 } tried && ChooseUntriedLevel(tried) is { } untried ? untried : ChooseLevel();
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

    /// <summary>Istio's retryRemoteLocalities is Envoy's previous_priorities plugin with
    /// update_frequency 2: a level that has taken two attempts is left out of the next choice,
    /// and the remaining levels share the load by health. Null when no other level has a healthy
    /// endpoint (Envoy then resets and uses every level again).</summary>
    private int? ChooseUntriedLevel(IReadOnlyList<EndpointState> tried)
    {
        const int UpdateFrequency = 2;
        Span<double> health = _levels.Length <= 16 ? stackalloc double[_levels.Length] : new double[_levels.Length];
        var excluded = false;
        for (var i = 0; i < _levels.Length; i++)
        {
            var attempts = 0;
            foreach (var t in tried)
                if (_levels[i].Endpoints.Contains(t)) attempts++;
            excluded |= attempts >= UpdateFrequency;
            health[i] = attempts >= UpdateFrequency ? 0 : Math.Min(1.0, Overprovisioning * HealthyFraction(_levels[i].Endpoints));
        }
        return excluded ? Spill(health) : null;
    }

    private int ChooseLevel()
    {
        if (_levels.Length == 1) return 0;
        Span<double> health = _levels.Length <= 16 ? stackalloc double[_levels.Length] : new double[_levels.Length];
        for (var i = 0; i < _levels.Length; i++)
            health[i] = Math.Min(1.0, Overprovisioning * HealthyFraction(_levels[i].Endpoints));
        // Nothing healthy anywhere: level 0, whose balancer answers UH (or ignores ejection in panic).
        return Spill(health) ?? 0;
    }

    /// <summary>Envoy's priority load: each level in order takes what its health allows of what is
    /// left, scaled up to 100% when the levels' health sums below it; null when all are 0.</summary>
    private int? Spill(Span<double> health)
    {
        var sum = 0.0;
        foreach (var h in health) sum += h;
        if (sum <= 0) return null;
        var scale = sum < 1.0 ? 1.0 / sum : 1.0;
        // The first level with any health takes everything when it can (no draw needed).
        for (var i = 0; i < health.Length; i++)
            if (health[i] > 0) { if (health[i] * scale >= 1.0) return i; break; }
        var target = _random.NextDouble();
        var remaining = 1.0;
        var last = 0;
        for (var i = 0; i < health.Length; i++)
        {
            if (health[i] <= 0) continue;
            last = i;
            var load = Math.Min(health[i] * scale, remaining);
            if (target < load) return i;
            remaining -= load;
            target -= load;
        }
        return last;
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
