namespace Switchyard.Proxy.LoadBalancing;

/// <summary>simple: PASSTHROUGH. Envoy's ORIGINAL_DST cluster forwards to the address the client
/// connected to; there is no balancing choice. True original-destination forwarding is the
/// proxy's job (it knows the downstream connection); this balancer only returns the first usable
/// endpoint, for clusters that do have endpoints.</summary>
public sealed class PassthroughBalancer : ILoadBalancer
{
    private readonly IReadOnlyList<EndpointState> _endpoints;

    public PassthroughBalancer(IReadOnlyList<EndpointState> endpoints) => _endpoints = endpoints;

    public EndpointState? Pick(in LbRequest request)
    {
        if (_endpoints.Count == 0) return null;
        var first = _endpoints[0];
        if (Eligibility.IsPreferred(first, request.Exclude)) return first;
        var eligibility = Eligibility.For(_endpoints, request.Exclude);
        for (var i = 0; i < _endpoints.Count; i++)
            if (eligibility.Allows(_endpoints[i])) return _endpoints[i];
        // Nothing else is eligible: first if it still is (the excluded only healthy one), else none (UH).
        return eligibility.Allows(first) ? first : null;
    }
}
