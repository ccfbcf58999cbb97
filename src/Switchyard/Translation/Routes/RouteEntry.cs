using Switchyard.Model.Networking;
using Switchyard.Translation.Policies.Cors;
using Switchyard.Translation.Policies.Headers;
using Switchyard.Translation.Policies.Rewrite;

namespace Switchyard.Translation.Routes;

/// <summary>One compiled HTTP rule of a virtual host: its matcher, its weighted destinations
/// and the rule itself (timeouts, retries, faults... read by the proxy's policy steps).</summary>
public sealed record RouteEntry(
    string Name,
    RouteMatcher Matcher,
    IReadOnlyList<WeightedCluster> Destinations,
    HTTPRoute Rule,
    Provenance Source)
{
    /// <summary>Sum of destination weights (Istio: a single destination gets 100% whatever its weight).</summary>
    public int TotalWeight { get; } = Destinations.Count == 1 ? 1 : Destinations.Sum(d => d.Weight);

    // Compiled policies (null when the rule does not use the field), one per Istio field.
    // [retries]

    // [timeouts]

    // [faults]

    // [mirror]

    public RewritePolicy? Rewrite { get; init; }

    // [redirect]

    // [directResponse]

    public HeadersPolicy? Headers { get; init; }

    public CrossOriginPolicy? Cors { get; init; }
}
