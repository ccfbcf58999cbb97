namespace Switchyard.Proxy.LoadBalancing;

/// <summary>Which endpoints a balancer may return for one attempt, in order of preference:
/// healthy and not excluded; else the excluded one if it is the only healthy one; else, when all
/// are ejected, any endpoint (Envoy's panic routing: ignore health rather than fail).
/// Computed only on the slow path, when the balancer's first choice was not preferred.</summary>
internal readonly struct Eligibility
{
    private readonly EndpointState? _exclude;
    private readonly bool _ignoreEjection;

    private Eligibility(EndpointState? exclude, bool ignoreEjection)
    {
        _exclude = exclude;
        _ignoreEjection = ignoreEjection;
    }

    /// <summary>The fast-path test: healthy and not the endpoint to avoid.</summary>
    public static bool IsPreferred(EndpointState endpoint, EndpointState? exclude) =>
        !endpoint.IsEjected && !ReferenceEquals(endpoint, exclude);

    public static Eligibility For(IReadOnlyList<EndpointState> endpoints, EndpointState? exclude)
    {
        bool anyHealthy = false, anyOther = false;
        for (var i = 0; i < endpoints.Count; i++)
        {
            var e = endpoints[i];
            var other = !ReferenceEquals(e, exclude);
            if (!e.IsEjected)
            {
                if (other) return new Eligibility(exclude, ignoreEjection: false);
                anyHealthy = true;
            }
            anyOther |= other;
        }
        if (anyHealthy) return new Eligibility(null, ignoreEjection: false);
        return new Eligibility(anyOther ? exclude : null, ignoreEjection: true);
    }

    public bool Allows(EndpointState endpoint) =>
        (_ignoreEjection || !endpoint.IsEjected) && !ReferenceEquals(endpoint, _exclude);

    /// <summary>Fills <paramref name="into"/> with the indices of allowed endpoints; returns how many.</summary>
    public int Collect(IReadOnlyList<EndpointState> endpoints, Span<int> into)
    {
        var n = 0;
        for (var i = 0; i < endpoints.Count; i++)
            if (Allows(endpoints[i])) into[n++] = i;
        return n;
    }
}
