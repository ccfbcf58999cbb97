namespace Switchyard.Loading;

/// <summary>
/// Makes the strings that scalars bind to, sharing repeated short ones (a host name, a subset,
/// "v1", a label value) within one load: a large repository repeats the same few thousand values
/// hundreds of thousands of times. Bounded, so hostile input cannot grow it without limit.
/// </summary>
internal sealed class ScalarStrings
{
    private const int MaxLength = 64, MaxEntries = 65_536;

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public ScalarStrings() => _lookup = _seen.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) return "";
        if (value.Length > MaxLength) return value.ToString();
        if (_lookup.TryGetValue(value, out var known)) return known;
        var s = value.ToString();
        if (_seen.Count < MaxEntries) _seen.Add(s);
        return s;
    }
}
