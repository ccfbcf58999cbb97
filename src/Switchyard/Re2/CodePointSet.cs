using System.Text;

namespace Switchyard.Re2;

/// <summary>
/// A set of Unicode code points as sorted, merged ranges: the char-class builder. RE2 classes are
/// sets of code points, while .NET matches UTF-16 code units, so we build the exact set here and
/// only at emission split it into a BMP class plus surrogate-pair sequences.
/// </summary>
internal sealed class CodePointSet
{
    public const int MaxRune = 0x10FFFF;
    private readonly List<(int Lo, int Hi)> _ranges = new();

    public IReadOnlyList<(int Lo, int Hi)> Ranges { get { Normalize(); return _ranges; } }

    private bool _dirty;

    public static CodePointSet Of(int lo, int hi) { var s = new CodePointSet(); s.Add(lo, hi); return s; }

    public static CodePointSet All() => Of(0, MaxRune);

    public CodePointSet Add(int lo, int hi)
    {
        _ranges.Add((lo, hi));
        _dirty = true;
        return this;
    }

    public CodePointSet Add(CodePointSet other)
    {
        foreach (var r in other.Ranges) _ranges.Add(r);
        _dirty = true;
        return this;
    }

    public bool IsEmpty => Ranges.Count == 0;

    public bool Contains(int cp)
    {
        foreach (var (lo, hi) in Ranges) if (cp >= lo && cp <= hi) return true;
        return false;
    }

    public CodePointSet Negate()
    {
        var result = new CodePointSet();
        var next = 0;
        foreach (var (lo, hi) in Ranges)
        {
            if (lo > next) result.Add(next, lo - 1);
            next = hi + 1;
        }
        if (next <= MaxRune) result.Add(next, MaxRune);
        return result;
    }

    /// <summary>Adds every case variant of every member, as RE2 does for (?i) classes.</summary>
    public CodePointSet FoldClosure()
    {
        var result = new CodePointSet().Add(this);
        foreach (var (lo, hi) in Ranges)
        {
            // Only the few thousand cased code points can add anything.
            foreach (var cp in CaseOrbits.CasedIn(lo, hi))
            {
                foreach (var other in CaseOrbits.Of(cp)) result.Add(other, other);
            }
        }
        return result;
    }

    private void Normalize()
    {
        if (!_dirty) return;
        _ranges.Sort((a, b) => a.Lo.CompareTo(b.Lo));
        var merged = new List<(int Lo, int Hi)>();
        foreach (var (lo, hi) in _ranges)
        {
            if (merged.Count > 0 && lo <= merged[^1].Hi + 1)
            {
                merged[^1] = (merged[^1].Lo, Math.Max(merged[^1].Hi, hi));
            }
            else
            {
                merged.Add((lo, hi));
            }
        }
        _ranges.Clear();
        _ranges.AddRange(merged);
        _dirty = false;
    }

    /// <summary>
    /// The .NET pattern for one code point of this set. BMP members become one character class;
    /// supplementary members become high/low surrogate pairs, so a non-BMP character counts as one
    /// character exactly as in RE2. Lone surrogates cannot occur in RE2's UTF-8 input, so we drop them.
    /// </summary>
    public string ToDotNet()
    {
        var bmp = new StringBuilder();
        var pairs = new List<string>();
        foreach (var (lo, hi) in Ranges)
        {
            AppendBmp(bmp, lo, Math.Min(hi, 0xD7FF));
            AppendBmp(bmp, Math.Max(lo, 0xE000), Math.Min(hi, 0xFFFF));
        }
        AppendSupplementary(pairs, Ranges);
        var bmpClass = bmp.Length == 0 ? null : "[" + bmp + "]";
        if (pairs.Count == 0) return bmpClass ?? "[^\\s\\S]";
        if (bmpClass is not null) pairs.Insert(0, bmpClass);
        return "(?:" + string.Join("|", pairs) + ")";
    }

    private static void AppendBmp(StringBuilder sb, int lo, int hi)
    {
        if (lo > hi) return;
        AppendClassChar(sb, lo);
        if (hi == lo) return;
        if (hi > lo + 1) sb.Append('-');
        AppendClassChar(sb, hi);
    }

    private static void AppendSupplementary(List<string> pairs, IReadOnlyList<(int Lo, int Hi)> ranges)
    {
        // Per high surrogate, the set of low surrogates it may pair with.
        var lowsByHigh = new SortedDictionary<int, StringBuilder>();
        foreach (var (rangeLo, hi) in ranges)
        {
            for (var cp = Math.Max(rangeLo, 0x10000); cp <= hi; cp = (cp | 0x3FF) + 1)
            {
                var high = 0xD800 + ((cp - 0x10000) >> 10);
                var end = Math.Min(hi, cp | 0x3FF);
                if (!lowsByHigh.TryGetValue(high, out var lows)) lowsByHigh[high] = lows = new StringBuilder();
                AppendBmp(lows, 0xDC00 + ((cp - 0x10000) & 0x3FF), 0xDC00 + ((end - 0x10000) & 0x3FF));
            }
        }
        // High surrogates that share a low-surrogate class become one [highs][lows] alternative:
        // NonBacktracking builds its automaton far faster from a few wide branches than from many.
        var highsByLows = new Dictionary<string, StringBuilder>();
        var order = new List<string>();
        foreach (var (high, lows) in lowsByHigh)
        {
            var key = lows.ToString();
            if (!highsByLows.TryGetValue(key, out var highs)) { highsByLows[key] = highs = new StringBuilder(); order.Add(key); }
            AppendBmp(highs, high, high);
        }
        foreach (var key in order) pairs.Add("[" + highsByLows[key] + "][" + key + "]");
    }

    private static string Class(int lo, int hi)
    {
        var sb = new StringBuilder("[");
        AppendBmp(sb, lo, hi);
        return sb.Append(']').ToString();
    }

    private static string Unit(int c) => $"\\u{c:X4}";

    private static void AppendClassChar(StringBuilder sb, int c)
    {
        if (c < 128 && char.IsAsciiLetterOrDigit((char)c)) sb.Append((char)c);
        else sb.Append(Unit(c));
    }
}
