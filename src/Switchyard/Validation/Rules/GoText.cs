using System.Globalization;
using System.Text;

namespace Switchyard.Validation.Rules;

/// <summary>
/// The few pieces of Go's fmt/strconv behaviour Istio's messages depend on, so our messages read
/// byte for byte like the ones <c>istioctl validate</c> prints.
/// </summary>
internal static class GoText
{
    /// <summary>Go's <c>strconv.Atoi</c>: optional sign, decimal digits only, fits in int64.</summary>
    public static bool TryAtoi(ReadOnlySpan<char> s, out long value) =>
        long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Go's <c>%q</c> (<c>strconv.Quote</c>).</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var r in s.EnumerateRunes())
        {
            switch (r.Value)
            {
                case '"': sb.Append("\\\""); continue;
                case '\\': sb.Append("\\\\"); continue;
                case '\a': sb.Append("\\a"); continue;
                case '\b': sb.Append("\\b"); continue;
                case '\f': sb.Append("\\f"); continue;
                case '\n': sb.Append("\\n"); continue;
                case '\r': sb.Append("\\r"); continue;
                case '\t': sb.Append("\\t"); continue;
                case '\v': sb.Append("\\v"); continue;
            }
            if (IsPrint(r)) sb.Append(r.ToString());
            else if (r.Value < 0x80) sb.Append("\\x").Append(r.Value.ToString("x2", CultureInfo.InvariantCulture));
            else if (r.Value < 0x10000) sb.Append("\\u").Append(r.Value.ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append("\\U").Append(r.Value.ToString("x8", CultureInfo.InvariantCulture));
        }
        return sb.Append('"').ToString();
    }

    private static bool IsPrint(Rune r)
    {
        if (r.Value == ' ') return true;
        return Rune.GetUnicodeCategory(r) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator => false,
            _ => true,
        };
    }

    /// <summary>Go's <c>%f</c> for a float64: six decimals, <c>+Inf</c>, <c>NaN</c>.</summary>
    public static string FormatF(double v) =>
        double.IsNaN(v) ? "NaN"
        : double.IsPositiveInfinity(v) ? "+Inf"
        : double.IsNegativeInfinity(v) ? "-Inf"
        : v.ToString("F6", CultureInfo.InvariantCulture);

    /// <summary>
    /// Go's <c>%v</c> for a float64 (<c>strconv.FormatFloat(v, 'g', -1, 64)</c>): shortest digits,
    /// exponent form when the decimal exponent is &lt; -4 or &gt;= 6 (Go uses precision 6 for shortest).
    /// </summary>
    public static string FormatV(double v)
    {
        if (double.IsNaN(v)) return "NaN";
        if (double.IsInfinity(v)) return v > 0 ? "+Inf" : "-Inf";
        var sign = double.IsNegative(v) ? "-" : "";
        var r = Math.Abs(v).ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOf('E');
        var exp10 = e < 0 ? 0 : int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mant = e < 0 ? r : r[..e];
        var dot = mant.IndexOf('.');
        var digits = dot < 0 ? mant : mant.Remove(dot, 1);
        var dp = (dot < 0 ? mant.Length : dot) + exp10;
        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') lead++;
        digits = digits[lead..].TrimEnd('0');
        dp -= lead;
        if (digits.Length == 0) return sign + "0";
        var x = dp - 1;
        if (x < -4 || x >= 6)
        {
            var m = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            var es = x < 0 ? "-" : "+";
            return $"{sign}{m}e{es}{Math.Abs(x).ToString("00", CultureInfo.InvariantCulture)}";
        }
        if (dp <= 0) return $"{sign}0.{new string('0', -dp)}{digits}";
        if (dp >= digits.Length) return sign + digits + new string('0', dp - digits.Length);
        return $"{sign}{digits[..dp]}.{digits[dp..]}";
    }
}
