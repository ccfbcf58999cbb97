namespace Switchyard.Proxy.LoadBalancing;

/// <summary>Which endpoints a balancer may return for one attempt, in order of preference:
/// healthy and not excluded; else the excluded one if it is the only healthy one; else none.
/// When every endpoint is ejected there is nothing to pick (503 UH), as in Envoy with Istio's
/// panic threshold (minHealthPercent, default 0: panic off); in panic the outlier detector stops
/// reporting ejections instead, so balancers see every endpoint as healthy.
/// Computed only on the slow path, when the balancer's first choice was not preferred.</summary>
internal readonly struct Eligibility
{
    private readonly EndpointState? _exclude;
    private readonly bool _none;

    private Eligibility(EndpointState? exclude, bool none)
    {
        _exclude = exclude;
        _none = none;
    }

    /// <summary>The fast-path test: healthy and not the endpoint to avoid.</summary>
    public static bool IsPreferred(EndpointState endpoint, EndpointState? exclude) =>
        !endpoint.IsEjected && !ReferenceEquals(endpoint, exclude);

    public static Eligibility For(IReadOnlyList<EndpointState> endpoints, EndpointState? exclude)
    {
        var anyHealthy = false;
        for (var i = 0; i < endpoints.Count; i++)
        {
            var e = endpoints[i];
            var other = !ReferenceEquals(e, exclude);
            if (!e.IsEjected)
            {
                if (other) return new Eligibility(exclude, none: false);
                anyHealthy = true;
            }
        }
        return new Eligibility(null, none: !anyHealthy);
    }

    public bool Allows(EndpointState endpoint) =>
        !_none && !endpoint.IsEjected && !ReferenceEquals(endpoint, _exclude);

    /// <summary>Fills <paramref name="into"/> with the indices of allowed endpoints; returns how many.</summary>
    public int Collect(IReadOnlyList<EndpointState> endpoints, Span<int> into)
    {
        var n = 0;
        for (var i = 0; i < endpoints.Count; i++)
            if (Allows(endpoints[i])) into[n++] = i;
        return n;
    }
}
