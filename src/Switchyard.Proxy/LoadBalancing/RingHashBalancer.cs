using Switchyard.Randomness;

namespace Switchyard.Proxy.LoadBalancing;

/// <summary>consistentHash with ringHash (Istio's default hash algorithm), as Envoy's
/// RingHashLoadBalancer builds it: every endpoint owns a share of virtual nodes proportional to
/// its weight, node <c>i</c> of an endpoint sitting at <c>xxHash64("address:port_i")</c>, and a
/// key goes to the first node at or after its hash (wrapping). The ring has at least
/// <c>minimumRingSize</c> nodes (default 1024) and at most 8M. Adding or removing one of N
/// endpoints moves only about 1/N of the keys. A request without a hash key gets a random hash,
/// as in Envoy. Unusable owners (ejected, or the retry's excluded endpoint) are passed over by
/// walking on along the ring, as Envoy's retry attempts do.</summary>
public sealed class RingHashBalancer : ILoadBalancer
{
    public const ulong DefaultMinimumRingSize = 1024;
    public const ulong MaximumRingSize = 8 * 1024 * 1024;

    private readonly IReadOnlyList<EndpointState> _endpoints;
    private readonly IRandomSource _random;
    private readonly ulong[] _hashes;
    private readonly int[] _owners;

    public RingHashBalancer(IReadOnlyList<EndpointState> endpoints, ulong minimumRingSize, IRandomSource random)
    {
        _endpoints = endpoints;
        _random = random;
        (_hashes, _owners) = BuildRing(endpoints, minimumRingSize == 0 ? DefaultMinimumRingSize : minimumRingSize);
    }

    /// <summary>Number of virtual nodes on the ring.</summary>
    public int RingSize => _hashes.Length;

    public EndpointState? Pick(in LbRequest request)
    {
        if (_hashes.Length == 0) return null;
        var hash = request.HashKey ?? RandomHash(_random);
        var slot = LowerBound(_hashes, hash);
        var chosen = _endpoints[_owners[slot]];
        if (Eligibility.IsPreferred(chosen, request.Exclude)) return chosen;
        var eligibility = Eligibility.For(_endpoints, request.Exclude);
        for (var step = 1; step < _hashes.Length; step++)
        {
            var candidate = _endpoints[_owners[(slot + step) % _hashes.Length]];
            if (eligibility.Allows(candidate)) return candidate;
        }
        // Nothing else is eligible: chosen if it still is (the excluded only healthy one), else none (UH).
        return eligibility.Allows(chosen) ? chosen : null;
    }

    /// <summary>A uniformly random 64-bit hash, for requests that carry no key.</summary>
    internal static ulong RandomHash(IRandomSource random) =>
        ((ulong)(uint)random.Next(1 << 30) << 34) ^ ((ulong)(uint)random.Next(1 << 30) << 4) ^ (uint)random.Next(16);

    private static int LowerBound(ulong[] hashes, ulong hash)
    {
        int low = 0, high = hashes.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (hashes[mid] < hash) low = mid + 1;
            else high = mid;
        }
        return low == hashes.Length ? 0 : low;
    }

    private static (ulong[] Hashes, int[] Owners) BuildRing(IReadOnlyList<EndpointState> endpoints, ulong minimumRingSize)
    {
        if (endpoints.Count == 0) return ([], []);
        double totalWeight = 0;
        for (var i = 0; i < endpoints.Count; i++) totalWeight += endpoints[i].LbWeight;
        var minNormalized = double.MaxValue;
        for (var i = 0; i < endpoints.Count; i++) minNormalized = Math.Min(minNormalized, endpoints[i].LbWeight / totalWeight);
        // Envoy: scale so the lightest endpoint gets at least ceil(minNormalized * minimumRingSize)
        // nodes, capped by the maximum ring size.
        var scale = Math.Min(Math.Ceiling(minNormalized * Math.Min(minimumRingSize, MaximumRingSize)) / minNormalized, MaximumRingSize);
        var nodes = new List<(ulong Hash, int Owner)>((int)Math.Ceiling(scale) + endpoints.Count);
        double target = 0;
        long current = 0;
        for (var i = 0; i < endpoints.Count; i++)
        {
            var prefix = endpoints[i].Endpoint.ToString() + "_";
            target += scale * (endpoints[i].LbWeight / totalWeight);
            for (var n = 0; current < target; n++, current++)
                nodes.Add((XxHash64.Hash(prefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture)), i));
        }
        nodes.Sort((a, b) => a.Hash != b.Hash ? a.Hash.CompareTo(b.Hash) : a.Owner.CompareTo(b.Owner));
        var hashes = new ulong[nodes.Count];
        var owners = new int[nodes.Count];
        for (var i = 0; i < nodes.Count; i++) (hashes[i], owners[i]) = nodes[i];
        return (hashes, owners);
    }
}
