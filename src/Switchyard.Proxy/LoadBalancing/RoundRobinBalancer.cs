using Switchyard.Randomness;

namespace Switchyard.Proxy.LoadBalancing;

/// <summary>simple: ROUND_ROBIN, weighted. Envoy interleaves weighted hosts with an EDF scheduler;
/// we precompute the same kind of interleaved cycle once (smooth weighted round robin, weights
/// reduced by their gcd) and walk it with one interlocked counter, so a pick takes no lock and
/// every full cycle gives each endpoint exactly its weight's share. While an endpoint is in
/// warmup the weights change with time, so picks are weighted random with the slow-start weights
/// (the same shares Envoy's refreshed EDF weights give) until the window ends.
/// Envoy builds its round-robin schedule over the healthy hosts only, so an ejected host's share
/// is spread over the others in proportion to their weights; here a turn that lands on an
/// ejected endpoint is handed to a second cycle built over the healthy endpoints (rebuilt when
/// the healthy set changes), which gives the same shares without a scan on the fast path.</summary>
public sealed class RoundRobinBalancer : ILoadBalancer
{
    /// <summary>Longest precomputed cycle; larger weight sums are scaled down to fit.</summary>
    internal const int MaxCycle = 1 << 16;

    private readonly IReadOnlyList<EndpointState> _endpoints;
    private readonly int[] _cycle;
    private readonly IRandomSource _random;
    private readonly SlowStart? _slowStart;
    private readonly long _warmEnd;
    private int _next;
    private HealthyCycle? _healthy;

    public RoundRobinBalancer(IReadOnlyList<EndpointState> endpoints, IRandomSource random, SlowStart? slowStart = null)
    {
        _endpoints = endpoints;
        _random = random;
        _slowStart = slowStart;
        _warmEnd = slowStart?.WarmEnd(endpoints) ?? long.MinValue;
        _cycle = BuildCycle(endpoints);
        // Start at a random place, as Envoy does, so proxies do not all begin on the same endpoint.
        _next = _cycle.Length == 0 ? 0 : random.Next(_cycle.Length) - 1;
    }

    public EndpointState? Pick(in LbRequest request)
    {
        if (_cycle.Length == 0) return null;
        if (_slowStart is not null)
        {
            var now = _slowStart.Now();
            if (now < _warmEnd) return PickWarming(request.Exclude, now);
        }
        var slot = (uint)Interlocked.Increment(ref _next) % (uint)_cycle.Length;
        var chosen = _endpoints[_cycle[slot]];
        if (Eligibility.IsPreferred(chosen, request.Exclude)) return chosen;

        // Slow path: the turn goes to the cycle over the healthy endpoints, so that an ejected
        // endpoint's share is spread evenly instead of falling to its successor in the cycle.
        var eligibility = Eligibility.For(_endpoints, request.Exclude);
        var healthy = Healthy();
        for (var step = 0; step < healthy.Cycle.Length; step++)
        {
            var candidate = _endpoints[healthy.Members[healthy.Cycle[healthy.NextSlot()]]];
            if (eligibility.Allows(candidate)) return candidate;
        }
        // Nothing else is eligible: chosen if it still is (the excluded only healthy one), else none (UH).
        return eligibility.Allows(chosen) ? chosen : null;
    }

    /// <summary>The cycle over the endpoints healthy right now: the cached one while the healthy
    /// set is unchanged, else a new one (O(n), only on the slow path).</summary>
    private HealthyCycle Healthy()
    {
        Span<int> members = _endpoints.Count <= 256 ? stackalloc int[_endpoints.Count] : new int[_endpoints.Count];
        var n = 0;
        for (var i = 0; i < _endpoints.Count; i++)
            if (!_endpoints[i].IsEjected) members[n++] = i;
        var cached = Volatile.Read(ref _healthy);
        if (cached is not null && members[..n].SequenceEqual(cached.Members)) return cached;
        var indices = members[..n].ToArray();
        var subset = new EndpointState[n];
        for (var i = 0; i < n; i++) subset[i] = _endpoints[indices[i]];
        var built = new HealthyCycle(indices, BuildCycle(subset));
        Volatile.Write(ref _healthy, built);
        return built;
    }

    private EndpointState? PickWarming(EndpointState? exclude, long now)
    {
        Span<int> indices = _endpoints.Count <= 256 ? stackalloc int[_endpoints.Count] : new int[_endpoints.Count];
        var n = Eligibility.For(_endpoints, exclude).Collect(_endpoints, indices);
        return n == 0 ? null : _endpoints[WeightedChoice.Pick(_endpoints, indices[..n], _slowStart, now, _random)];
    }

    /// <summary>Smooth weighted round robin (nginx): each step every endpoint gains its weight, the
    /// richest is chosen and pays the total. Spreads a heavy endpoint's turns through the cycle.</summary>
    internal static int[] BuildCycle(IReadOnlyList<EndpointState> endpoints)
    {
        var count = endpoints.Count;
        if (count == 0) return [];
        var weights = new long[count];
        long gcd = 0, total = 0;
        for (var i = 0; i < count; i++)
        {
            weights[i] = endpoints[i].LbWeight;
            gcd = Gcd(gcd, weights[i]);
        }
        for (var i = 0; i < count; i++) total += weights[i] /= gcd;
        if (total > MaxCycle)
        {
            // Keep the proportions, at least one turn each.
            var scaled = 0L;
            for (var i = 0; i < count; i++)
                scaled += weights[i] = Math.Max(1, weights[i] * (MaxCycle - count) / total);
            total = scaled;
        }
        var cycle = new int[total];
        var current = new long[count];
        for (var slot = 0; slot < total; slot++)
        {
            var best = 0;
            for (var i = 0; i < count; i++)
            {
                current[i] += weights[i];
                if (current[i] > current[best]) best = i;
            }
            current[best] -= total;
            cycle[slot] = best;
        }
        return cycle;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }

    /// <summary>A round-robin cycle over a subset of the endpoints (indices into the balancer's
    /// list), with its own turn counter.</summary>
    private sealed class HealthyCycle(int[] members, int[] cycle)
    {
        private int _next = -1;

        public int[] Members { get; } = members;

        public int[] Cycle { get; } = cycle;

        public uint NextSlot() => (uint)Interlocked.Increment(ref _next) % (uint)Cycle.Length;
    }
}
