using Switchyard.Model.Networking;

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
    /// <summary>Istio's default policy when the rule has no <c>retries</c>; null when <c>attempts</c> is 0.</summary>
    public Policies.Retries.RetryPolicy? Retries { get; init; }

    /// <summary>The rule's <c>timeout</c>; null when it has none (Istio's default).</summary>
    public Policies.Timeouts.RouteTimeout? Timeout { get; init; }

    // [faults]

    // [mirror]

    // [rewrite]

    // [redirect]

    // [directResponse]

    // [headers]

    // [cors]
}
