namespace Switchyard.Model;

/// <summary>
/// The source position of every field of one resource, keyed by field path
/// (<c>spec.http[0].route[1].weight</c>). Kept beside the typed records rather than
/// inside them so the records stay plain mirrors of the Istio API.
/// </summary>
public sealed class SpanIndex
{
    private readonly Dictionary<string, SourceSpan> _spans;

    public SpanIndex(Dictionary<string, SourceSpan> spans, SourceSpan root)
    {
        _spans = spans;
        Root = root;
    }

    public static SpanIndex Empty(SourceSpan root) => new(new Dictionary<string, SourceSpan>(), root);

    /// <summary>The position of the resource itself (the start of its document).</summary>
    public SourceSpan Root { get; }

    public int Count => _spans.Count;

    public bool TryGet(string path, out SourceSpan span) => _spans.TryGetValue(path, out span);

    /// <summary>
    /// The span of <paramref name="path"/>, or of its nearest ancestor that has one
    /// (a missing field is reported at the object that lacks it), or the resource's own.
    /// </summary>
    public SourceSpan Find(string path)
    {
        var p = path;
        while (p.Length > 0)
        {
            if (_spans.TryGetValue(p, out var span)) return span;
            p = Parent(p);
        }
        return Root;
    }

    public IEnumerable<KeyValuePair<string, SourceSpan>> Entries => _spans;

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
