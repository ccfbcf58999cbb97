using System.Globalization;

namespace Switchyard.Loading;

/// <summary>
/// A scalar's text and style, read in place: YAML's core schema (as go-yaml, and so Istio's
/// decoder, applies it) decides from these whether it is null, a boolean or a number.
/// </summary>
internal readonly ref struct ScalarText(ReadOnlySpan<char> value, bool isPlain)
{
    public ReadOnlySpan<char> Value { get; } = value;

    /// <summary>Unquoted in the source: only plain scalars are numbers, booleans or null.</summary>
    public bool IsPlain { get; } = isPlain;

    public bool IsNull => IsPlain && (Value.IsEmpty || Value is "~" or "null" or "Null" or "NULL");

    public bool IsBoolean => IsPlain && Value is "true" or "false" or "True" or "False" or "TRUE" or "FALSE";

    public bool IsNumber => IsPlain && Value.Length > 0 && (char.IsAsciiDigit(Value[0]) || Value[0] is '-' or '+' or '.')
        && double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    public string Describe() =>
        IsNull ? "null" : IsBoolean ? $"boolean {Value}" : IsNumber ? $"number {Value}" : $"string \"{Truncate(Value)}\"";

    internal static string Truncate(ReadOnlySpan<char> s) => s.Length <= 40 ? s.ToString() : string.Concat(s[..40], "...");
}
