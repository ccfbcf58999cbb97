using Switchyard.Translation.Policies.Cors;
using Switchyard.Translation.Policies.DirectResponse;
using Switchyard.Translation.Policies.Faults;
using Switchyard.Translation.Policies.Headers;
using Switchyard.Translation.Policies.Mirror;
using Switchyard.Translation.Policies.Redirect;
using Switchyard.Translation.Policies.Rewrite;

namespace Switchyard.Translation.Routes;

/// <summary>One compiled HTTP rule of a virtual host: its matcher, its weighted destinations and
/// one compiled record per policy field (timeouts, retries, faults... read by the proxy's steps).
/// The rule as written is kept only as JSON text, for /config_dump and the golden tests.</summary>
public sealed record RouteEntry(
    string Name,
    RouteMatcher Matcher,
    IReadOnlyList<WeightedCluster> Destinations,
    Provenance Source)
{
    /// <summary>Envoy's <c>%ROUTE_NAME%</c>: the HTTP rule's <c>name</c> as pilot's translateRoute
    /// copies it, null (logged <c>-</c>) when the rule has none; <c>default</c> for the catch-all
    /// route of a Service without a VirtualService. <see cref="Name"/> stays unique for dumps.</summary>
    public string? LogName { get; init; }

    /// <summary>The rule's <c>match</c> as written (JSON), for dumps; the proxy reads <see cref="Matcher"/>.</summary>
    public string WrittenMatch { get; init; } = "[]";

    /// <summary>The rule's other fields as written (JSON, null when none), for dumps.</summary>
    public string? WrittenPolicies { get; init; }

    /// <summary>Sum of destination weights (Istio: a single destination gets 100% whatever its weight).</summary>
    public int TotalWeight { get; } = Destinations.Count == 1 ? 1 : Destinations.Sum(d => d.Weight);

    // Compiled policies (null when the rule does not use the field), one per Istio field.
    /// <summary>Istio's default policy when the rule has no <c>retries</c>; null when <c>attempts</c> is 0.</summary>
    public Policies.Retries.RetryPolicy? Retries { get; init; }

    /// <summary>The rule's <c>timeout</c>; null when it has none (Istio's default).</summary>
    public Policies.Timeouts.RouteTimeout? Timeout { get; init; }

    /// <summary>Fault injection (delay DI, abort FI); null when the rule has no fault that can fire.</summary>
    public FaultPolicy? Fault { get; init; }

    /// <summary>Shadow copies (mirror, mirrors); null when the rule mirrors nothing.</summary>
    public MirrorPolicy? Mirror { get; init; }

    public RewritePolicy? Rewrite { get; init; }

    /// <summary>Answered by the proxy with a Location; no upstream call.</summary>
    public RedirectPolicy? Redirect { get; init; }

    /// <summary>Answered by the proxy with a fixed status and body; no upstream call.</summary>
    public DirectResponsePolicy? DirectResponse { get; init; }

    public HeadersPolicy? Headers { get; init; }

    public CrossOriginPolicy? Cors { get; init; }
}
