namespace Switchyard.Validation.Rules;

/// <summary>
/// Header names in HTTP matches (headers, withoutHeaders): an RFC 7230 token, an HTTP/2 pseudo-header,
/// or a JWT claim key (<c>@request.auth.claims.sub</c>, <c>@request.auth.claims[a][b]</c>) as Istio's
/// <c>ValidateHTTPHeaderNameOrJwtClaimRoute</c> and <c>jwt.ToRoutingClaim</c> accept them.
/// </summary>
public static class HeaderNames
{
    public const string JwtClaimPrefix = "@request.auth.claims";

    public static IReadOnlyList<string> PseudoHeaders { get; } = [":method", ":scheme", ":authority", ":path", ":status"];

    public static string? CheckHeaderMatchName(string name)
    {
        if (name.Length == 0) return "header name cannot be empty";
        if (IsJwtClaimRoute(name) || IsPseudoHeader(name) || IsToken(name)) return null;
        return $"header name {name} is not a valid header name";
    }

    /// <summary>RFC 7230 <c>token</c>: one or more tchar.</summary>
    public static bool IsToken(string value)
    {
        if (value.Length == 0) return false;
        foreach (var c in value)
            if (!IsTChar(c)) return false;
        return true;
    }

    public static bool IsPseudoHeader(string name)
    {
        foreach (var p in PseudoHeaders)
            if (string.Equals(p, name, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Istio's <c>jwt.ToRoutingClaim(name).Match</c>; the prefix is matched case-insensitively.</summary>
    public static bool IsJwtClaimRoute(string name)
    {
        if (!name.StartsWith(JwtClaimPrefix, StringComparison.OrdinalIgnoreCase)) return false;
        var rest = name.AsSpan(JwtClaimPrefix.Length);
        if (rest.Length > 1 && rest[0] == '.') return true;
        return rest.Length > 2 && rest[0] == '[' && rest[^1] == ']';
    }

    // tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
    internal static bool IsTChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.'
            or '^' or '_' or '`' or '|' or '~';
}
