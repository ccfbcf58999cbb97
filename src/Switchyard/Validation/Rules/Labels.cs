namespace Switchyard.Validation.Rules;

/// <summary>
/// Istio's <c>labels.Instance.Validate</c> (pkg/config/labels): label keys are an optional DNS prefix
/// (at most 253 chars) and <c>/</c>, then a name of at most 63 chars; values are empty or name-shaped.
/// Unlike Kubernetes, Istio puts no length cap on values.
/// </summary>
public static class Labels
{
    public const int MaxPrefixLength = 253;
    public const int MaxNameLength = 63;

    /// <summary>
    /// Every problem, in the map's enumeration order: for each entry, the key's problem (if any) and then the
    /// value's, as Istio's multierror lists them. Empty when valid (and for a null map).
    /// </summary>
    public static IReadOnlyList<string> CheckLabels(IReadOnlyDictionary<string, string>? labels)
    {
        if (labels is null || labels.Count == 0) return [];
        List<string>? errors = null;
        foreach (var (key, value) in labels)
        {
            if (CheckLabelKey(key) is { } keyError) (errors ??= []).Add(keyError);
            if (CheckLabelValue(value) is { } valueError) (errors ??= []).Add(valueError);
        }
        return errors ?? (IReadOnlyList<string>)[];
    }

    /// <summary>Istio's <c>validateTagKey</c>.</summary>
    public static string? CheckLabelKey(string key)
    {
        var s = key.AsSpan();
        var slash = s.IndexOf('/');
        var prefix = slash < 0 ? ReadOnlySpan<char>.Empty : s[..slash];
        var name = slash < 0 ? s : s[(slash + 1)..];
        if ((slash >= 0 && !IsDnsPrefix(prefix)) || !IsQualifiedName(name))
            return $"invalid tag key: {GoText.Quote(key)}";
        if (prefix.Length > MaxPrefixLength) return $"invalid tag key: {GoText.Quote(key)} (DNS prefix is too long)";
        if (name.Length > MaxNameLength) return $"invalid tag key: {GoText.Quote(key)} (name is too long)";
        return null;
    }

    /// <summary>Empty, or letters and digits with <c>-</c>, <c>_</c>, <c>.</c> inside.</summary>
    public static string? CheckLabelValue(string value) =>
        value.Length == 0 || IsQualifiedName(value) ? null : $"invalid tag value: {GoText.Quote(value)}";

    // (?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]
    private static bool IsQualifiedName(ReadOnlySpan<char> s)
    {
        if (s.Length == 0 || !char.IsAsciiLetterOrDigit(s[0]) || !char.IsAsciiLetterOrDigit(s[^1])) return false;
        foreach (var c in s)
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.')) return false;
        return true;
    }

    // label(\.label)* with Istio's mixed-case label pattern and no per-label length cap.
    private static bool IsDnsPrefix(ReadOnlySpan<char> s)
    {
        foreach (var range in s.Split('.'))
            if (!DnsNames.IsLabelBody(s[range])) return false;
        return true;
    }
}
