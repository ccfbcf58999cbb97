using System.Collections.Frozen;

namespace Switchyard.Re2;

/// <summary>
/// Case-folding orbits (k, K and the Kelvin sign K are one orbit), so (?i) is applied by us with
/// RE2's "all simple case variants" rule instead of relying on .NET's culture-tinted IgnoreCase.
/// Built once from the invariant upper/lower mappings of the BMP.
/// </summary>
internal static class CaseOrbits
{
    private static readonly Lazy<FrozenDictionary<int, int[]>> Table = new(Build);
    private static readonly Lazy<int[]> Cased = new(() => Table.Value.Keys.Order().ToArray());

    /// <summary>The code points in [lo, hi] that have case variants, in order.</summary>
    public static ReadOnlySpan<int> CasedIn(int lo, int hi)
    {
        var all = Cased.Value.AsSpan();
        var start = all.BinarySearch(lo);
        if (start < 0) start = ~start;
        var end = all.BinarySearch(hi);
        end = end < 0 ? ~end : end + 1;
        return start >= end ? ReadOnlySpan<int>.Empty : all[start..end];
    }

    /// <summary>The other members of the orbit of <paramref name="cp"/> (empty when it has no case).</summary>
    public static IReadOnlyList<int> Of(int cp) =>
        Table.Value.TryGetValue(cp, out var orbit) ? orbit : Array.Empty<int>();

    private static FrozenDictionary<int, int[]> Build()
    {
        // Union-find over c, lower(c) and upper(c).
        var parent = new int[0x10000];
        for (var i = 0; i < parent.Length; i++) parent[i] = i;
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        for (var c = 0; c < 0x10000; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF) continue;
            var ch = (char)c;
            parent[Find(c)] = Find(char.ToLowerInvariant(ch));
            parent[Find(c)] = Find(char.ToUpperInvariant(ch));
        }
        var groups = new Dictionary<int, List<int>>();
        for (var c = 0; c < 0x10000; c++)
        {
            var root = Find(c);
            if (!groups.TryGetValue(root, out var list)) groups[root] = list = new List<int>();
            list.Add(c);
        }
        var table = new Dictionary<int, int[]>();
        foreach (var members in groups.Values)
        {
            if (members.Count < 2) continue;
            foreach (var m in members) table[m] = members.Where(x => x != m).ToArray();
        }
        return table.ToFrozenDictionary();
    }
}
