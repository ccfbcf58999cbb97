using Switchyard.Translation;
using Switchyard.Translation.Clusters;
using Switchyard.Translation.Routes;

namespace Switchyard.Explain;

/// <summary>
/// <c>switchyard explain</c>: where a request would go and why, from the snapshot the proxy would
/// serve (<see cref="OfflineMesh"/>), through the proxy's own host lookup
/// (<see cref="MeshSnapshot.FindVirtualHost"/>) and route matcher (<see cref="RouteMatcher"/>),
/// rule by rule in order, as Envoy walks a virtual host's routes. A failure is told with its
/// Envoy flag (NR, NC, UH) and the fix <c>analyze</c> gives for it.
/// </summary>
public static class RequestExplainer
{
    public static Explanation Explain(OfflineMesh mesh, ExplainRequest request)
    {
        var snapshot = mesh.Snapshot;
        var vhost = snapshot.FindVirtualHost(request.Authority);
        if (vhost is null)
        {
            var nearest = NearestHosts(snapshot, request.Host);
            return new Explanation(request, null, null, [], [], [], new Verdict(404, "NR",
                $"no VirtualService or Service knows host \"{request.Host}\"", nearest.Count > 0 ? "nearest hosts: " + string.Join(", ", nearest) : null), nearest);
        }

        var view = request.View;
        var rules = new List<RuleVerdict>();
        RouteEntry? matched = null;
        foreach (var route in vhost.Routes)
        {
            var holds = route.Matcher.Matches(view);
            IReadOnlyList<string> failed = holds ? []
                : route.Matcher.NeverMatches ? ["every match entry needs sourceLabels the source workload does not carry"]
                : route.Matcher.FirstFailures(view).Select(f => $"match[{f.Key}]: {f.Value}").ToList();
            rules.Add(new RuleVerdict(route.Source.RuleIndex, route.Name, route.Source.Span, holds, failed));
            if (holds)
            {
                matched = route;
                break;
            }
        }
        if (matched is null)
            return new Explanation(request, vhost.Name, null, rules, [], [], new Verdict(404, "NR", $"no rule of {vhost.Name} matches the request", null), []);

        var destinations = matched.Destinations.Select(d => Destination(mesh, d, matched)).ToList();
        return new Explanation(request, vhost.Name, matched.Source, rules, destinations, RoutePolicy.Describe(matched),
            Verdicts.Of(mesh, matched, destinations), []);
    }

    private static DestinationExplanation Destination(OfflineMesh mesh, WeightedCluster d, RouteEntry route)
    {
        var parts = d.ClusterName.Split('|');
        var host = parts.Length == 4 ? parts[3] : d.ClusterName;
        var subset = parts.Length == 4 && parts[2].Length > 0 ? parts[2] : null;
        var weight = route.Destinations.Count == 1 ? 100 : d.Weight;
        var spec = mesh.Snapshot.Clusters.GetValueOrDefault(d.ClusterName);
        return new DestinationExplanation(d.ClusterName, host, subset, weight,
            spec is null ? null : ClusterExplanation.Of(spec, spec.Endpoints.Count > 0 ? [] : Workloads.Selected(mesh, spec)));
    }

    /// <summary>Up to three known host names closest to <paramref name="host"/> (edit distance).</summary>
    private static List<string> NearestHosts(MeshSnapshot snapshot, string host) =>
        snapshot.VirtualHosts.Keys.Where(k => !k.Contains(':')).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(k => (Name: k, Distance: Text.DidYouMean.Distance(host.ToLowerInvariant(), k.ToLowerInvariant())))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name.Length).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(3).Select(x => x.Name).ToList();
}
