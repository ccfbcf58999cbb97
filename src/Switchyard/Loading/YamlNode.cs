using Switchyard.Model;

namespace Switchyard.Loading;

/// <summary>
/// A parsed YAML/JSON node with its position. Our own small tree (rather than YamlDotNet's
/// representation model) so parsing can bound depth and alias expansion on hostile input and
/// keep earlier documents when a later one has a syntax error.
/// </summary>
public abstract class YamlNode(SourceSpan span)
{
    public SourceSpan Span { get; } = span;

    /// <summary>Short description used in "expected X, got Y" messages.</summary>
    public abstract string Describe();
}

public sealed class YamlScalar(SourceSpan span, string value, bool isPlain) : YamlNode(span)
{
    public string Value { get; } = value;

    /// <summary>Unquoted in the source: only plain scalars are numbers, booleans or null.</summary>
    public bool IsPlain { get; } = isPlain;

    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public bool IsBoolean => IsPlain && Value is "true" or "false" or "True" or "False" or "TRUE" or "FALSE";

    public bool IsNumber => IsPlain && Value.Length > 0 && (char.IsAsciiDigit(Value[0]) || Value[0] is '-' or '+' or '.')
        && double.TryParse(Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    public override string Describe() =>
        IsNull ? "null" : IsBoolean ? $"boolean {Value}" : IsNumber ? $"number {Value}" : $"string \"{Truncate(Value)}\"";

    internal static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "...";
}

public sealed class YamlSequence(SourceSpan span, List<YamlNode> items) : YamlNode(span)
{
    public IReadOnlyList<YamlNode> Items { get; } = items;

    public override string Describe() => "a list";
}

public sealed class YamlMapping(SourceSpan span, List<KeyValuePair<YamlScalar, YamlNode>> entries) : YamlNode(span)
{
    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = entries;

    public YamlNode? Get(string key)
    {
        foreach (var e in Entries)
            if (e.Key.Value == key) return e.Value;
        return null;
    }

    public override string Describe() => "an object";
}
