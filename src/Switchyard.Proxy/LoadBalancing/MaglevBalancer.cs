using Switchyard.Randomness;

namespace Switchyard.Proxy.LoadBalancing;

/// <summary>consistentHash with maglev, as Envoy's MaglevLoadBalancer: a lookup table of
/// <c>tableSize</c> entries (prime, default 65537) filled by each endpoint in turn along its own
/// permutation (offset <c>xxHash64(address, 0) % M</c>, skip <c>xxHash64(address, 1) % (M-1) + 1</c>),
/// heavier endpoints taking turns more often. A key goes to <c>table[hash % M]</c>. Endpoints are
/// ordered by address first so every proxy builds the same table from the same set. Unusable
/// entries (ejected or excluded) are passed over by probing the following table entries.</summary>
public sealed class MaglevBalancer : ILoadBalancer
{
    public const ulong DefaultTableSize = 65537;

    private readonly IReadOnlyList<EndpointState> _endpoints;
    private readonly IRandomSource _random;
    private readonly int[] _table;

    public MaglevBalancer(IReadOnlyList<EndpointState> endpoints, ulong tableSize, IRandomSource random)
    {
        _endpoints = endpoints;
        _random = random;
        _table = BuildTable(endpoints, tableSize is 0 or > int.MaxValue ? DefaultTableSize : tableSize);
    }

    /// <summary>How many table entries each endpoint owns, in endpoint order (for fairness checks
    /// and the admin view).</summary>
    public int[] EntriesPerEndpoint()
    {
        var counts = new int[_endpoints.Count];
        foreach (var owner in _table) counts[owner]++;
        return counts;
    }

    public EndpointState? Pick(in LbRequest request)
    {
        if (_table.Length == 0) return null;
        var hash = request.HashKey ?? RingHashBalancer.RandomHash(_random);
        var slot = (int)(hash % (ulong)_table.Length);
        var chosen = _endpoints[_table[slot]];
        if (Eligibility.IsPreferred(chosen, request.Exclude)) return chosen;
        var eligibility = Eligibility.For(_endpoints, request.Exclude);
        for (var step = 1; step < _table.Length; step++)
        {
            var candidate = _endpoints[_table[(slot + step) % _table.Length]];
            if (eligibility.Allows(candidate)) return candidate;
        }
        // Nothing else is eligible: chosen if it still is (the excluded only healthy one), else none (UH).
        return eligibility.Allows(chosen) ? chosen : null;
    }

    private static int[] BuildTable(IReadOnlyList<EndpointState> endpoints, ulong tableSize)
    {
        var count = endpoints.Count;
        if (count == 0) return [];
        var order = new int[count];
        for (var i = 0; i < count; i++) order[i] = i;
        Array.Sort(order, (a, b) => string.CompareOrdinal(endpoints[a].Endpoint.ToString(), endpoints[b].Endpoint.ToString()));

        double total = 0, maxNormalized = 0;
        for (var i = 0; i < count; i++) total += endpoints[i].LbWeight;
        var offset = new ulong[count];
        var skip = new ulong[count];
        var weight = new double[count];
        var targetWeight = new double[count];
        var next = new ulong[count];
        for (var k = 0; k < count; k++)
        {
            var endpoint = endpoints[order[k]];
            var address = endpoint.Endpoint.ToString();
            offset[k] = XxHash64.Hash(address, 0) % tableSize;
            skip[k] = XxHash64.Hash(address, 1) % (tableSize - 1) + 1;
            weight[k] = endpoint.LbWeight / total;
            maxNormalized = Math.Max(maxNormalized, weight[k]);
        }

        var table = new int[tableSize];
        Array.Fill(table, -1);
        ulong filled = 0;
        for (ulong iteration = 1; filled < tableSize; iteration++)
        {
            for (var k = 0; k < count && filled < tableSize; k++)
            {
                // A host with the largest weight takes a turn every iteration; one with a third
                // of it, every third iteration (Envoy's target_weight_ bookkeeping).
                if (iteration * weight[k] < targetWeight[k]) continue;
                targetWeight[k] += maxNormalized;
                var c = (offset[k] + skip[k] * next[k]) % tableSize;
                while (table[c] >= 0)
                {
                    next[k]++;
                    c = (offset[k] + skip[k] * next[k]) % tableSize;
                }
                table[c] = order[k];
                next[k]++;
                filled++;
            }
        }
        return table;
    }
}
