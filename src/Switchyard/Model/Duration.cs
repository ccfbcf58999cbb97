using System.Globalization;

namespace Switchyard.Model;

/// <summary>
/// A protobuf Duration as Istio writes it in YAML: Go's <c>time.ParseDuration</c> syntax
/// (<c>5s</c>, <c>100ms</c>, <c>1h30m</c>, <c>0.5s</c>). Kept in nanoseconds, as Go does, so the
/// "whole number of milliseconds" rule can be checked exactly.
/// </summary>
public readonly record struct Duration(long Nanoseconds) : IComparable<Duration>
{
    public const long NanosPerMillisecond = 1_000_000;
    public const long NanosPerSecond = 1_000_000_000;

    public static Duration FromMilliseconds(long ms) => new(ms * NanosPerMillisecond);
    public static Duration FromSeconds(long s) => new(s * NanosPerSecond);

    public TimeSpan ToTimeSpan() => TimeSpan.FromTicks(Nanoseconds / 100);

    public int CompareTo(Duration other) => Nanoseconds.CompareTo(other.Nanoseconds);

    /// <summary>Seconds form, as Istio prints durations: <c>5s</c>, <c>0.100s</c>.</summary>
    public override string ToString()
    {
        var whole = Nanoseconds / NanosPerSecond;
        var frac = Math.Abs(Nanoseconds % NanosPerSecond);
        if (frac == 0) return whole.ToString(CultureInfo.InvariantCulture) + "s";
        var sign = Nanoseconds < 0 && whole == 0 ? "-" : "";
        var digits = frac % 1_000_000 == 0 ? (frac / 1_000_000).ToString("000", CultureInfo.InvariantCulture)
            : frac % 1_000 == 0 ? (frac / 1_000).ToString("000000", CultureInfo.InvariantCulture)
            : frac.ToString("000000000", CultureInfo.InvariantCulture);
        return $"{sign}{whole.ToString(CultureInfo.InvariantCulture)}.{digits}s";
    }

    /// <summary>Parses Go duration syntax; <paramref name="error"/> says what is wrong otherwise.</summary>
    public static bool TryParse(string text, out Duration value, out string? error)
    {
        value = default;
        error = null;
        var s = text.AsSpan();
        if (s.Length == 0) { error = "empty duration"; return false; }
        var negative = false;
        if (s[0] is '-' or '+') { negative = s[0] == '-'; s = s[1..]; }
        if (s.SequenceEqual("0")) { value = new Duration(0); return true; }
        if (s.Length == 0) { error = $"invalid duration \"{text}\""; return false; }

        decimal total = 0;
        while (s.Length > 0)
        {
            var i = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            var intPart = s[..i];
            s = s[i..];
            var fracPart = ReadOnlySpan<char>.Empty;
            var hadDot = false;
            if (s.Length > 0 && s[0] == '.')
            {
                hadDot = true;
                s = s[1..];
                i = 0;
                while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
                fracPart = s[..i];
                s = s[i..];
            }
            if (intPart.Length == 0 && fracPart.Length == 0)
            {
                error = $"invalid duration \"{text}\": expected a number" + (hadDot ? " around '.'" : "");
                return false;
            }
            i = 0;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.') i++;
            var unit = s[..i].ToString();
            s = s[i..];
            if (unit.Length == 0)
            {
                error = $"missing unit in duration \"{text}\" (use ns, us, ms, s, m or h)";
                return false;
            }
            long scale = unit switch
            {
                "ns" => 1,
                "us" or "µs" or "μs" => 1_000,
                "ms" => 1_000_000,
                "s" => NanosPerSecond,
                "m" => 60 * NanosPerSecond,
                "h" => 3600 * NanosPerSecond,
                _ => 0,
            };
            if (scale == 0)
            {
                error = $"unknown unit \"{unit}\" in duration \"{text}\" (use ns, us, ms, s, m or h)";
                return false;
            }
            try
            {
                var number = decimal.Parse(
                    (intPart.Length == 0 ? "0" : intPart.ToString()) + (fracPart.Length > 0 ? "." + fracPart.ToString() : ""),
                    NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                total += number * scale;
                if (total > long.MaxValue) { error = $"invalid duration \"{text}\": too large"; return false; }
            }
            catch (OverflowException)
            {
                error = $"invalid duration \"{text}\": too large";
                return false;
            }
        }
        var ns = (long)decimal.Truncate(total);
        value = new Duration(negative ? -ns : ns);
        return true;
    }

    public static Duration Parse(string text) =>
        TryParse(text, out var d, out var error) ? d : throw new FormatException(error);
}
