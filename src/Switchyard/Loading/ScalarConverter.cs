using System.Collections.Concurrent;
using System.Globalization;
using Switchyard.Model;
using Switchyard.Text;

namespace Switchyard.Loading;

/// <summary>
/// Converts YAML scalars to the model's scalar types with the rules of Istio's decoder
/// (YAML → JSON → protobuf JSON): integers may be quoted, enums are names or numbers,
/// durations are Go duration strings. Returns an error message instead of throwing.
/// Strings are made by the caller (<see cref="ScalarStrings"/>), which shares repeated ones.
/// </summary>
internal static class ScalarConverter
{
    private static readonly ConcurrentDictionary<Type, string[]> EnumNames = new();

    public static bool IsScalarType(Type t) =>
        t == typeof(string) || t == typeof(bool) || t == typeof(int) || t == typeof(uint) || t == typeof(long)
        || t == typeof(ulong) || t == typeof(double) || t == typeof(Duration) || t.IsEnum;

    /// <summary>Whether a scalar may be bound to a string field (the caller then makes the string).</summary>
    public static bool CheckString(ScalarText s, bool lenient, out string? error)
    {
        error = null;
        // Unquoted 8080 or true is a JSON number/boolean after YAML→JSON, which the protobuf
        // decoder refuses for a string field. Kubernetes kinds we only read are taken as text.
        if (!lenient && s.IsPlain && (s.IsBoolean || s.IsNumber))
        {
            error = $"expected a string, got {s.Describe()} (quote it: \"{s.Value}\")";
            return false;
        }
        return true;
    }

    /// <summary>Any scalar type but string.</summary>
    public static object? Convert(Type type, ScalarText s, out string? error)
    {
        error = null;
        if (type == typeof(bool)) return ToBool(s, out error);
        if (type == typeof(int)) return ToInteger(s, int.MinValue, int.MaxValue, "a 32-bit integer", out error) is { } i ? (int)i : null;
        if (type == typeof(uint)) return ToInteger(s, 0, uint.MaxValue, "an unsigned 32-bit integer", out error) is { } u ? (uint)u : null;
        if (type == typeof(long)) return ToInteger(s, long.MinValue, long.MaxValue, "a 64-bit integer", out error) is { } l ? (long)l : null;
        if (type == typeof(ulong)) return ToInteger(s, 0, ulong.MaxValue, "an unsigned 64-bit integer", out error) is { } ul ? (ulong)ul : null;
        if (type == typeof(double)) return ToDouble(s, out error);
        if (type == typeof(Duration)) return ToDuration(s, out error);
        if (type.IsEnum) return ToEnum(type, s, out error);
        error = $"unsupported field type {type.Name}";
        return null;
    }

    private static object? ToBool(ScalarText s, out string? error)
    {
        error = null;
        if (s.IsBoolean) return s.Value is "true" or "True" or "TRUE";
        error = $"expected a boolean (true or false), got {s.Describe()}";
        return null;
    }

    private static decimal? ToInteger(ScalarText s, decimal min, decimal max, string what, out string? error)
    {
        error = null;
        var text = s.Value.Trim();
        if (s.IsPlain && (s.IsBoolean || s.IsNull) || text.Length == 0
            || !decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            error = $"expected {what}, got {s.Describe()}";
            return null;
        }
        if (value < min || value > max)
        {
            error = $"{text} is out of range for {what} ({min}..{max})";
            return null;
        }
        return value;
    }

    private static object? ToDouble(ScalarText s, out string? error)
    {
        error = null;
        if (!(s.IsPlain && (s.IsBoolean || s.IsNull))
            && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
            return d;
        error = $"expected a number, got {s.Describe()}";
        return null;
    }

    private static object? ToDuration(ScalarText s, out string? error)
    {
        if (s.IsNumber)
        {
            error = $"expected a duration string such as \"{s.Value}s\", got {s.Describe()}";
            return null;
        }
        if (Duration.TryParse(s.Value.ToString(), out var d, out error)) return d;
        error = $"{error} (a duration is a number with a unit: \"5s\", \"100ms\", \"1h30m\")";
        return null;
    }

    private static object? ToEnum(Type type, ScalarText s, out string? error)
    {
        error = null;
        var names = EnumNames.GetOrAdd(type, static t => Enum.GetNames(t));
        foreach (var n in names)
            if (s.Value.SequenceEqual(n)) return Enum.Parse(type, n);
        if (s.IsNumber && int.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            && Enum.IsDefined(type, number))
            return Enum.ToObject(type, number);
        var value = s.Value.ToString();
        var suggestion = DidYouMean.Suggest(value, names);
        error = $"unknown value \"{ScalarText.Truncate(s.Value)}\""
            + (suggestion is null ? "" : $"; did you mean \"{suggestion}\"?")
            + $" (valid: {string.Join(", ", names)})";
        return null;
    }
}
