namespace Switchyard.Validation.Rules;

/// <summary>
/// Go's <c>net/netip</c> parsing rules, which Istio's IP checks use. Stricter than
/// <c>System.Net.IPAddress.TryParse</c>: no short forms (<c>1.2.3</c>), no leading zeros (<c>01.2.3.4</c>),
/// no hex or octal IPv4. IPv6 zones (<c>fe80::1%eth0</c>) are addresses but not prefixes.
/// </summary>
internal static class GoNetip
{
    /// <summary>0 when invalid, otherwise 4 or 6.</summary>
    public static int ParseAddr(ReadOnlySpan<char> s, out bool hasZone)
    {
        hasZone = false;
        foreach (var c in s)
        {
            if (c == '.') return ParseIPv4(s) ? 4 : 0;
            if (c == ':') return ParseIPv6(s, out hasZone) ? 6 : 0;
            if (c == '%') return 0; // "missing IPv6 address"
        }
        return 0;
    }

    /// <summary><c>netip.ParsePrefix</c>: an address without zone, <c>/</c>, bits without sign or leading zero.</summary>
    public static bool IsPrefix(ReadOnlySpan<char> s)
    {
        var slash = s.LastIndexOf('/');
        if (slash < 0) return false;
        var family = ParseAddr(s[..slash], out var hasZone);
        if (family == 0 || hasZone) return false;
        var bits = s[(slash + 1)..];
        if (bits.Length > 1 && bits[0] is < '1' or > '9') return false;
        if (!GoText.TryAtoi(bits, out var n)) return false;
        return n >= 0 && n <= (family == 4 ? 32 : 128);
    }

    private static bool ParseIPv4(ReadOnlySpan<char> s)
    {
        int fields = 0, val = 0, digits = 0;
        foreach (var c in s)
        {
            if (c is >= '0' and <= '9')
            {
                if (digits == 1 && val == 0) return false; // leading zero
                val = val * 10 + (c - '0');
                digits++;
                if (val > 255) return false;
            }
            else if (c == '.')
            {
                if (digits == 0 || fields == 3) return false;
                fields++;
                val = 0;
                digits = 0;
            }
            else return false;
        }
        return digits > 0 && fields == 3;
    }

    private static bool ParseIPv6(ReadOnlySpan<char> s, out bool hasZone)
    {
        hasZone = false;
        var pct = s.IndexOf('%');
        if (pct >= 0)
        {
            if (pct == s.Length - 1) return false; // zone must be non-empty
            hasZone = true;
            s = s[..pct];
        }
        var ellipsis = -1;
        if (s.Length >= 2 && s[0] == ':' && s[1] == ':')
        {
            ellipsis = 0;
            s = s[2..];
            if (s.Length == 0) return true;
        }
        var i = 0; // bytes filled, as in Go
        while (i < 16)
        {
            int off = 0, acc = 0;
            for (; off < s.Length; off++)
            {
                var d = HexValue(s[off]);
                if (d < 0) break;
                if (off > 3) return false; // more than 4 hex digits
                acc = (acc << 4) + d;
            }
            if (off == 0) return false;
            if (off < s.Length && s[off] == '.')
            {
                if (ellipsis < 0 && i != 12) return false;
                if (i + 4 > 16 || !ParseIPv4(s)) return false;
                i += 4;
                s = default;
                break;
            }
            i += 2;
            s = s[off..];
            if (s.Length == 0) break;
            if (s[0] != ':' || s.Length == 1) return false;
            s = s[1..];
            if (s[0] == ':')
            {
                if (ellipsis >= 0) return false;
                ellipsis = i;
                s = s[1..];
                if (s.Length == 0) break;
            }
        }
        if (s.Length != 0) return false;
        return i < 16 ? ellipsis >= 0 : ellipsis < 0;
    }

    private static int HexValue(char c) =>
        c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : -1;
}
