using Switchyard.Randomness;

namespace Switchyard.Proxy.LoadBalancing;

/// <summary>simple: RANDOM. Like Envoy's RandomLoadBalancer, a uniform pick that ignores endpoint
/// weights.</summary>
public sealed class RandomBalancer : ILoadBalancer
{
    private readonly IReadOnlyList<EndpointState> _endpoints;
    private readonly IRandomSource _random;

    public RandomBalancer(IReadOnlyList<EndpointState> endpoints, IRandomSource random)
    {
        _endpoints = endpoints;
        _random = random;
    }

    public EndpointState? Pick(in LbRequest request)
    {
        var count = _endpoints.Count;
        if (count == 0) return null;
        var chosen = _endpoints[_random.Next(count)];
        if (Eligibility.IsPreferred(chosen, request.Exclude)) return chosen;
        return PickAmongEligible(_endpoints, request.Exclude, _random) ?? chosen;
    }

    /// <summary>Slow path shared by balancers: a uniform pick among the eligible endpoints.</summary>
    internal static EndpointState? PickAmongEligible(IReadOnlyList<EndpointState> endpoints, EndpointState? exclude, IRandomSource random)
    {
        var eligibility = Eligibility.For(endpoints, exclude);
        Span<int> indices = endpoints.Count <= 256 ? stackalloc int[endpoints.Count] : new int[endpoints.Count];
        var n = eligibility.Collect(endpoints, indices);
        return n == 0 ? null : endpoints[indices[random.Next(n)]];
    }
}
