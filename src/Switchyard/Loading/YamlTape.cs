using Switchyard.Model;

namespace Switchyard.Loading;

/// <summary>What a <see cref="YamlTape"/> node is.</summary>
internal enum YamlNodeKind : byte
{
    Scalar,
    Sequence,
    Mapping,

    /// <summary>A <c>*name</c> reference: <see cref="YamlTapeNode.Start"/> is the anchored node's index.</summary>
    Alias,
}

/// <summary>
/// One node of a <see cref="YamlTape"/>, a value type so a document of any size costs no objects.
/// Children follow their parent in document order; <see cref="End"/> skips a whole subtree.
/// </summary>
internal struct YamlTapeNode
{
    public YamlNodeKind Kind;

    /// <summary>A scalar written without quotes: only those can be numbers, booleans or null.</summary>
    public bool Plain;

    public int Line;
    public int Column;

    /// <summary>Items of a sequence; entries (key and value pairs) of a mapping.</summary>
    public int Count;

    /// <summary>The index just past this node's subtree.</summary>
    public int End;

    /// <summary>A scalar: its offset in the source text, or <c>~i</c> for decoded value i. An alias: its target.</summary>
    public int Start;

    /// <summary>A scalar's length in the source text.</summary>
    public int Length;
}

/// <summary>
/// One parsed YAML document as a flat array of nodes (a "tape", as simdjson calls it) instead of
/// an object per node: a 9 MB file holds over a million scalars, and one object each was most of
/// what loading allocated. Scalars point into the source text; only quoted scalars with escapes
/// (and everything read through YamlDotNet) keep a decoded string. Reused document after document.
/// </summary>
internal sealed class YamlTape
{
    private YamlTapeNode[] _nodes = new YamlTapeNode[256];
    private readonly List<string> _decoded = new();
    private string _text = "";

    public string File { get; private set; } = "";

    public int Count { get; private set; }

    public ref YamlTapeNode this[int index] => ref _nodes[index];

    public void Reset(string file, string text)
    {
        File = file;
        _text = text;
        Count = 0;
        _decoded.Clear();
    }

    /// <summary>Appends a node; returns its index. <see cref="YamlTapeNode.End"/> is set by <see cref="Close"/>.</summary>
    public int Add(YamlNodeKind kind, int line, int column)
    {
        if (Count == _nodes.Length) Array.Resize(ref _nodes, _nodes.Length * 2);
        ref var n = ref _nodes[Count];
        n = default;
        n.Kind = kind;
        n.Line = line;
        n.Column = column;
        n.End = Count + 1;
        return Count++;
    }

    public int AddScalar(int line, int column, int start, int length, bool plain)
    {
        var i = Add(YamlNodeKind.Scalar, line, column);
        _nodes[i].Start = start;
        _nodes[i].Length = length;
        _nodes[i].Plain = plain;
        return i;
    }

    public int AddDecodedScalar(int line, int column, string value, bool plain)
    {
        _decoded.Add(value);
        return AddScalar(line, column, ~(_decoded.Count - 1), value.Length, plain);
    }

    /// <summary>Ends a collection: its subtree is everything added since it started.</summary>
    public void Close(int index, int count)
    {
        _nodes[index].Count = count;
        _nodes[index].End = Count;
    }

    /// <summary>Follows an alias to its anchored node.</summary>
    public int Resolve(int index) => _nodes[index].Kind == YamlNodeKind.Alias ? _nodes[index].Start : index;

    public ReadOnlySpan<char> Text(int index)
    {
        ref var n = ref _nodes[index];
        return n.Start >= 0 ? _text.AsSpan(n.Start, n.Length) : _decoded[~n.Start].AsSpan();
    }

    public ScalarText Scalar(int index) => new(Text(index), _nodes[index].Plain);

    public SourceSpan SpanOf(int index) => new(File, _nodes[index].Line, _nodes[index].Column);

    /// <summary>Short description used in "expected X, got Y" messages.</summary>
    public string Describe(int index) => _nodes[index].Kind switch
    {
        YamlNodeKind.Scalar => Scalar(index).Describe(),
        YamlNodeKind.Sequence => "a list",
        _ => "an object",
    };
}
