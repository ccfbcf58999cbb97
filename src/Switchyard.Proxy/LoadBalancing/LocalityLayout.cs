using Switchyard.Translation.Policies.LoadBalancer;
using Switchyard.Randomness;

namespace Switchyard.Proxy.LoadBalancing;

/// <summary>Arranges a cluster's endpoints into priority levels and weighted locality groups the
/// way Istio's <c>applyLocalityLoadBalancer</c> writes them into Envoy's ClusterLoadAssignment,
/// relative to the proxy's own locality:
/// <list type="bullet">
/// <item><c>distribute</c>: the first entry whose <c>from</c> matches the proxy's locality gives
/// each matching destination locality its share (split over the localities a wildcard matches, in
/// proportion to their endpoint weight); localities no entry names get no traffic.</item>
/// <item>failover (only when outlier detection is on, as in Istio): priority 0 same
/// region/zone/subzone, 1 same zone, 2 same region, 3 other regions — or, when a <c>failover</c>
/// entry names the proxy's region, 3 its <c>to</c> region and 4 the rest; levels compacted.</item>
/// </list>
/// <item><c>failoverPriority</c> (also only with outlier detection): label tiers instead of the
/// locality ones, see <see cref="FailoverPriority"/>.</item>
/// </summary>
public static class LocalityLayout
{
    /// <summary>A <see cref="LocalityBalancer"/>, or null when locality plays no part (no local
    /// locality, disabled, no matching distribute entry, or failover without outlier detection).</summary>
    public static ILoadBalancer? Create(LocalityLbSpec setting, bool outlierDetectionEnabled,
        IReadOnlyList<EndpointState> endpoints, string? localLocality, IReadOnlyDictionary<string, string>? localLabels,
        Func<IReadOnlyList<EndpointState>, ILoadBalancer> balancerFor, IRandomSource random)
    {
        if (!setting.Enabled || endpoints.Count == 0) return null;
        if (outlierDetectionEnabled && setting.FailoverPriority is { Count: > 0 } labels && setting.Distribute.Count == 0)
            return Levels(FailoverPriority.Assign(labels, localLocality, localLabels, endpoints), balancerFor, random);
        if (string.IsNullOrEmpty(localLocality)) return null;
        var local = Locality.Parse(localLocality);
        if (setting.Distribute is { Count: > 0 } distribute)
            return Distribute(local, distribute, endpoints, balancerFor, random);
        if (!outlierDetectionEnabled) return null;
        return Failover(local, setting.Failover, endpoints, balancerFor, random);
    }

    private static ILoadBalancer? Failover(Locality local, IReadOnlyList<LocalityFailoverSpec> failover,
        IReadOnlyList<EndpointState> endpoints, Func<IReadOnlyList<EndpointState>, ILoadBalancer> balancerFor, IRandomSource random)
    {
        var failoverTo = (string?)null;
        var hasFailoverRule = false;
        foreach (var rule in failover)
        {
            if (rule.From != local.Region) continue;
            hasFailoverRule = true;
            failoverTo = rule.To;
            break;
        }
        var byPriority = new SortedDictionary<int, List<EndpointState>>();
        foreach (var endpoint in endpoints)
        {
            var theirs = Locality.Parse(endpoint.Endpoint.Locality);
            var priority = local.PriorityOf(theirs);
            if (priority == 3 && hasFailoverRule && theirs.Region != failoverTo) priority = 4;
            if (!byPriority.TryGetValue(priority, out var list)) byPriority[priority] = list = [];
            list.Add(endpoint);
        }
        return Levels(byPriority, balancerFor, random);
    }

    /// <summary>One level per priority, in order; null when everything is at one priority.</summary>
    private static ILoadBalancer? Levels(SortedDictionary<int, List<EndpointState>> byPriority,
        Func<IReadOnlyList<EndpointState>, ILoadBalancer> balancerFor, IRandomSource random)
    {
        if (byPriority.Count <= 1) return null;
        var levels = new List<LocalityLevel>();
        foreach (var (_, members) in byPriority)
        {
            var group = new LocalityGroup("*", 1, members, balancerFor(members));
            levels.Add(new LocalityLevel(levels.Count, [group], members));
        }
        return new LocalityBalancer(levels, random);
    }

    private static ILoadBalancer? Distribute(Locality local, IReadOnlyList<LocalityDistributeSpec> distribute,
        IReadOnlyList<EndpointState> endpoints, Func<IReadOnlyList<EndpointState>, ILoadBalancer> balancerFor, IRandomSource random)
    {
        var entry = distribute.FirstOrDefault(d => d.From.Length > 0 && local.Matches(d.From));
        if (entry is null) return null;

        // Endpoints grouped by locality, in first-seen order; a locality's own weight is the sum of
        // its endpoints' weights (Istio's LocalityLbEndpoints.load_balancing_weight).
        var localities = new List<(Locality Locality, List<EndpointState> Members)>();
        foreach (var endpoint in endpoints)
        {
            var l = Locality.Parse(endpoint.Endpoint.Locality);
            var index = localities.FindIndex(x => x.Locality == l);
            if (index < 0) localities.Add((l, [endpoint]));
            else localities[index].Members.Add(endpoint);
        }
        var assigned = new double?[localities.Count];
        foreach (var (rule, share) in entry.To.OrderBy(t => t.Locality, StringComparer.Ordinal))
        {
            var total = 0.0;
            var matched = new List<int>();
            for (var i = 0; i < localities.Count; i++)
            {
                if (assigned[i] is not null || !localities[i].Locality.Matches(rule)) continue;
                matched.Add(i);
                total += OwnWeight(localities[i].Members);
            }
            foreach (var i in matched)
            {
                var weight = Math.Ceiling(OwnWeight(localities[i].Members) * share / total);
                assigned[i] = weight > 0 ? weight : 0;
            }
        }
        var groups = new List<LocalityGroup>();
        var all = new List<EndpointState>();
        for (var i = 0; i < localities.Count; i++)
        {
            if (assigned[i] is not { } weight || weight <= 0) continue; // not named: no traffic
            var members = localities[i].Members;
            groups.Add(new LocalityGroup(localities[i].Locality.ToString(), weight, members, balancerFor(members)));
            all.AddRange(members);
        }
        return new LocalityBalancer(groups.Count == 0 ? [] : [new LocalityLevel(0, groups, all)], random);
    }

    private static double OwnWeight(List<EndpointState> members)
    {
        var sum = 0.0;
        foreach (var m in members) sum += m.LbWeight;
        return sum;
    }
}
