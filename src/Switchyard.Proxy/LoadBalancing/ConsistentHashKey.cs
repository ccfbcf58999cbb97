using System.Globalization;
using System.Text;
using Switchyard.Translation.Policies.LoadBalancer;
using Switchyard.Randomness;

namespace Switchyard.Proxy.LoadBalancing;

/// <summary>The request's hash key for consistentHash, as Envoy's hash policies compute it, with
/// xxHash64 (seed 0) over the UTF-8 value:
/// <c>httpHeaderName</c> the header's value; <c>httpCookie</c> the cookie's value (a cookie is
/// generated when absent and <c>ttl</c> is set); <c>useSourceIp</c> the client address;
/// <c>httpQueryParameterName</c> the first value of that parameter, undecoded. Null when the
/// request lacks the value: the balancer then uses a random hash, as Envoy does.</summary>
public static class ConsistentHashKey
{
    public static ulong? Compute(ConsistentHashSpec hash, Func<string, string?> getHeader, string? query,
        string? sourceIp, out string? setCookieHeader) =>
        Compute(hash, getHeader, query, sourceIp, SharedRandomSource.Instance, out setCookieHeader);

    /// <param name="setCookieHeader">When a cookie was generated, the <c>Set-Cookie</c> value the
    /// proxy adds to the response so the client sticks to the chosen endpoint.</param>
    public static ulong? Compute(ConsistentHashSpec hash, Func<string, string?> getHeader, string? query,
        string? sourceIp, IRandomSource random, out string? setCookieHeader)
    {
        setCookieHeader = null;
        if (hash.HeaderName is { } headerName)
            return getHeader(headerName) is { } value ? XxHash64.Hash(value) : null;
        if (hash.Cookie is { Name: var name } cookie)
        {
            if (CookieValue(getHeader("cookie"), name) is { } existing) return XxHash64.Hash(existing);
            if (cookie.Ttl is not { } ttl) return null;
            var generated = NewCookieValue(random);
            setCookieHeader = SetCookie(name, generated, cookie.Path, ttl, cookie.Attributes);
            return XxHash64.Hash(generated);
        }
        if (hash.UseSourceIp)
            return string.IsNullOrEmpty(sourceIp) ? null : XxHash64.Hash(sourceIp);
        if (hash.QueryParameterName is { } parameter)
            return QueryValue(query, parameter) is { } value ? XxHash64.Hash(value) : null;
        return null;
    }

    /// <summary>The value of cookie <paramref name="name"/> in a <c>Cookie</c> header, quotes
    /// removed (Envoy's <c>parseCookieValue</c>).</summary>
    public static string? CookieValue(string? cookieHeader, string name)
    {
        if (string.IsNullOrEmpty(cookieHeader)) return null;
        foreach (var part in cookieHeader.Split(';'))
        {
            var pair = part.AsSpan().Trim();
            var eq = pair.IndexOf('=');
            if (eq <= 0 || !pair[..eq].Trim().SequenceEqual(name)) continue;
            var value = pair[(eq + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"') value = value[1..^1];
            return value.ToString();
        }
        return null;
    }

    /// <summary>Envoy's <c>makeSetCookieValue</c>: <c>name="value"; Max-Age=N; Path=p; attr=v; HttpOnly</c>,
    /// without Max-Age for a 0s ttl (a session cookie).</summary>
    public static string SetCookie(string name, string value, string? path, TimeSpan ttl, IReadOnlyList<CookieAttributeSpec> attributes)
    {
        var text = new StringBuilder().Append(name).Append("=\"").Append(value).Append('"');
        var seconds = (long)ttl.TotalSeconds;
        if (seconds != 0) text.Append("; Max-Age=").Append(seconds.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(path)) text.Append("; Path=").Append(path);
        foreach (var attribute in attributes)
        {
            text.Append("; ").Append(attribute.Name);
            if (!string.IsNullOrEmpty(attribute.Value)) text.Append('=').Append(attribute.Value);
        }
        return text.Append("; HttpOnly").ToString();
    }

    /// <summary>16 hex digits. Envoy hashes the downstream addresses instead; a random value
    /// spreads new clients just as well and needs no connection details.</summary>
    private static string NewCookieValue(IRandomSource random)
    {
        var value = ((ulong)(uint)random.Next(1 << 30) << 34) ^ ((ulong)(uint)random.Next(1 << 30) << 4) ^ (uint)random.Next(16);
        return value.ToString("x16", CultureInfo.InvariantCulture);
    }

    private static string? QueryValue(string? query, string name)
    {
        if (string.IsNullOrEmpty(query)) return null;
        var rest = query.AsSpan();
        if (rest[0] == '?') rest = rest[1..];
        while (!rest.IsEmpty)
        {
            var amp = rest.IndexOf('&');
            var pair = amp < 0 ? rest : rest[..amp];
            rest = amp < 0 ? [] : rest[(amp + 1)..];
            var eq = pair.IndexOf('=');
            var key = eq < 0 ? pair : pair[..eq];
            if (key.SequenceEqual(name)) return eq < 0 ? "" : pair[(eq + 1)..].ToString();
        }
        return null;
    }
}
