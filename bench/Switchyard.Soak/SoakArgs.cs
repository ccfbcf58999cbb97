using System.Globalization;

namespace Switchyard.Soak;

/// <summary>The option forms the scenarios take (<c>--reloads 1000</c>, <c>--duration 30m</c>); a bad one is a usage error.</summary>
internal sealed class SoakArgs(string[] args)
{
    public string? String(string name)
    {
        var i = Array.IndexOf(args, name);
        if (i < 0) return null;
        return i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{name} needs a value");
    }

    public string Required(string name) => String(name) ?? throw new ArgumentException($"{name} is required");

    public int Int(string name, int fallback)
    {
        var text = String(name);
        if (text is null) return fallback;
        return int.TryParse(text.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v : throw new ArgumentException($"{name} needs a positive integer, not '{text}'");
    }

    /// <summary>A duration as <c>90s</c>, <c>30m</c>, <c>1h</c> or <c>500ms</c>.</summary>
    public TimeSpan Duration(string name, TimeSpan fallback)
    {
        var text = String(name);
        if (text is null) return fallback;
        (string Suffix, double Ms)[] units = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)];
        foreach (var (suffix, ms) in units)
            if (text.EndsWith(suffix, StringComparison.Ordinal) && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0)
                return TimeSpan.FromMilliseconds(n * ms);
        throw new ArgumentException($"{name} needs a duration such as 90s, 30m or 500ms, not '{text}'");
    }
}
