using Switchyard.Randomness;

namespace Switchyard.Proxy.LoadBalancing;

/// <summary>simple: LEAST_REQUEST (Istio's default, also LEAST_CONN and UNSPECIFIED). As Envoy's
/// LeastRequestLoadBalancer with choice_count 2: draw two endpoints at random and take the one
/// with fewer active requests ("power of two choices"). When weights differ, or an endpoint is
/// warming up, the two draws are weighted and the comparison is by
/// <c>effectiveWeight / (active + 1)</c> — Envoy's weighted form with active_request_bias 1.</summary>
public sealed class LeastRequestBalancer : ILoadBalancer
{
    private readonly IReadOnlyList<EndpointState> _endpoints;
    private readonly IRandomSource _random;
    private readonly SlowStart? _slowStart;
    private readonly long _warmEnd;
    private readonly bool _weighted;

    public LeastRequestBalancer(IReadOnlyList<EndpointState> endpoints, IRandomSource random, SlowStart? slowStart = null)
    {
        _endpoints = endpoints;
        _random = random;
        _slowStart = slowStart;
        _warmEnd = slowStart?.WarmEnd(endpoints) ?? long.MinValue;
        for (var i = 1; i < endpoints.Count; i++)
            _weighted |= endpoints[i].LbWeight != endpoints[0].LbWeight;
    }

    public EndpointState? Pick(in LbRequest request)
    {
        var count = _endpoints.Count;
        if (count == 0) return null;
        var warming = false;
        long now = 0;
        if (_slowStart is not null)
        {
            now = _slowStart.Now();
            warming = now < _warmEnd;
        }
        if (!_weighted && !warming)
        {
            var a = _endpoints[_random.Next(count)];
            var b = _endpoints[_random.Next(count)];
            var first = b.ActiveRequests < a.ActiveRequests ? b : a;
            var second = ReferenceEquals(first, a) ? b : a;
            if (Eligibility.IsPreferred(first, request.Exclude)) return first;
            if (Eligibility.IsPreferred(second, request.Exclude)) return second;
        }
        return PickAmong(Eligibility.For(_endpoints, request.Exclude), warming ? _slowStart : null, now);
    }

    /// <summary>Two weighted draws among the eligible endpoints; the better weight per active
    /// request wins.</summary>
    private EndpointState? PickAmong(Eligibility eligibility, SlowStart? slowStart, long now)
    {
        Span<int> indices = _endpoints.Count <= 256 ? stackalloc int[_endpoints.Count] : new int[_endpoints.Count];
        var n = eligibility.Collect(_endpoints, indices);
        if (n == 0) return null;
        var candidates = indices[..n];
        var a = _endpoints[WeightedChoice.Pick(_endpoints, candidates, slowStart, now, _random)];
        var b = _endpoints[WeightedChoice.Pick(_endpoints, candidates, slowStart, now, _random)];
        var scoreA = WeightedChoice.EffectiveWeight(a, slowStart, now) / (a.ActiveRequests + 1.0);
        var scoreB = WeightedChoice.EffectiveWeight(b, slowStart, now) / (b.ActiveRequests + 1.0);
        return scoreB > scoreA ? b : a;
    }
}
