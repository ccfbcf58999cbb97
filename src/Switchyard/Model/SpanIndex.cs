namespace Switchyard.Model;

/// <summary>
/// The source position of every field of one resource, keyed by field path
/// (<c>spec.http[0].route[1].weight</c>). Kept beside the typed records rather than
/// inside them so the records stay plain mirrors of the Istio API.
/// </summary>
/// <remarks>
/// The loader records the fields as a tree of <see cref="SpanEntry"/> values (a field name or a
/// list index under a parent) rather than a string per path: a path string per field was a
/// third of what loading a large repository allocated, and paths are only needed when a message
/// is printed. A lookup walks the tree along the path.
/// </remarks>
public sealed class SpanIndex
{
    private readonly Dictionary<string, SourceSpan>? _spans;
    private readonly SpanEntry[] _entries = [];

    public SpanIndex(Dictionary<string, SourceSpan> spans, SourceSpan root)
    {
        _spans = spans;
        Root = root;
    }

    /// <summary>Entries in document order, each after its parent; spans are in <paramref name="file"/>.</summary>
    internal SpanIndex(SpanEntry[] entries, SourceSpan root)
    {
        _entries = entries;
        Root = root;
    }

    public static SpanIndex Empty(SourceSpan root) => new(new Dictionary<string, SourceSpan>(), root);

    /// <summary>The position of the resource itself (the start of its document).</summary>
    public SourceSpan Root { get; }

    public int Count => _spans?.Count ?? _entries.Length;

    public bool TryGet(string path, out SourceSpan span)
    {
        if (_spans is not null) return _spans.TryGetValue(path, out span);
        var (entry, matched) = Walk(path, 0, -1);
        if (entry >= 0 && matched == path.Length)
        {
            span = At(entry);
            return true;
        }
        span = default;
        return false;
    }

    /// <summary>
    /// The span of <paramref name="path"/>, or of its nearest ancestor that has one
    /// (a missing field is reported at the object that lacks it), or the resource's own.
    /// </summary>
    public SourceSpan Find(string path)
    {
        if (_spans is null)
        {
            var (entry, _) = Walk(path, 0, -1);
            return entry >= 0 ? At(entry) : Root;
        }
        var p = path;
        while (p.Length > 0)
        {
            if (_spans.TryGetValue(p, out var span)) return span;
            p = Parent(p);
        }
        return Root;
    }

    public IEnumerable<KeyValuePair<string, SourceSpan>> Entries
    {
        get
        {
            if (_spans is not null) return _spans;
            var paths = new string[_entries.Length];
            var list = new List<KeyValuePair<string, SourceSpan>>(_entries.Length);
            for (var i = 0; i < _entries.Length; i++)
            {
                var e = _entries[i];
                var parent = e.Parent < 0 ? "" : paths[e.Parent];
                paths[i] = e.Name is null ? $"{parent}[{e.Index}]" : parent.Length == 0 ? e.Name : $"{parent}.{e.Name}";
                list.Add(new(paths[i], At(i)));
            }
            return list;
        }
    }

    private SourceSpan At(int entry) => new(Root.File, _entries[entry].Line, _entries[entry].Column);

    /// <summary>
    /// The deepest entry under <paramref name="parent"/> that <paramref name="path"/> (from
    /// <paramref name="at"/>) runs through, and how much of the path it matched. Map keys may
    /// hold dots (<c>app.kubernetes.io/name</c>), so every child whose segment fits is tried.
    /// </summary>
    private (int Entry, int Matched) Walk(string path, int at, int parent)
    {
        var best = (Entry: -1, Matched: -1);
        for (var i = parent + 1; i < _entries.Length; i++)
        {
            var e = _entries[i];
            if (e.Parent != parent) continue;
            var end = MatchSegment(path, at, e);
            if (end < 0) continue;
            if (end == path.Length) return (i, end);
            var deeper = Walk(path, end, i);
            var candidate = deeper.Entry >= 0 ? deeper : (i, end);
            if (candidate.Item2 > best.Matched) best = candidate;
        }
        return best;
    }

    /// <summary>Where <paramref name="path"/> continues after entry <paramref name="e"/>'s segment at <paramref name="at"/>; -1 if it does not match.</summary>
    private static int MatchSegment(string path, int at, SpanEntry e)
    {
        var rest = path.AsSpan(at);
        int end;
        if (e.Name is null)
        {
            if (rest.Length < 3 || rest[0] != '[') return -1;
            var close = rest.IndexOf(']');
            if (close < 2 || !int.TryParse(rest[1..close], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                || index != e.Index) return -1;
            end = at + close + 1;
        }
        else
        {
            if (at > 0)
            {
                if (rest.Length == 0 || rest[0] != '.') return -1;
                rest = rest[1..];
                at++;
            }
            if (!rest.StartsWith(e.Name, StringComparison.Ordinal)) return -1;
            end = at + e.Name.Length;
        }
        // A segment ends the path or is followed by the next one.
        return end == path.Length || path[end] is '.' or '[' ? end : -1;
    }

    internal static string Parent(string path)
    {
        var end = path.Length - 1;
        if (end >= 0 && path[end] == ']')
        {
            var open = path.LastIndexOf('[');
            return open <= 0 ? "" : path[..open];
        }
        var dot = path.LastIndexOf('.');
        return dot < 0 ? "" : path[..dot];
    }
}

/// <summary>
/// One field (<see cref="Name"/>) or list item (<see cref="Index"/>, with a null name) of a
/// resource, under the entry at <see cref="Parent"/> (-1 for a top-level field).
/// </summary>
internal readonly record struct SpanEntry(int Parent, string? Name, int Index, int Line, int Column);
