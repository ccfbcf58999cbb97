namespace Switchyard.Translation.Routes;

/// <summary>
/// A request as plain data, for explain and tests: the same <see cref="IRequestView"/> the proxy
/// builds over a live request, so all three go through one matcher.
/// </summary>
public sealed record RequestView : IRequestView
{
    private readonly Dictionary<string, string> _headers;

    /// <param name="method">HTTP method, e.g. <c>GET</c>.</param>
    /// <param name="pathAndQuery">Path with an optional <c>?query</c>; a <c>#fragment</c> is dropped.</param>
    /// <param name="authority">Host header / :authority as sent, with or without port.</param>
    /// <param name="headers">Header names in any case; they are looked up case-insensitively.</param>
    /// <param name="port">The service port; 0 means from the authority, else 80 or 443 by scheme.</param>
    /// <param name="scheme"><c>http</c> or <c>https</c>.</param>
    public RequestView(string method, string pathAndQuery, string authority,
        IReadOnlyDictionary<string, string>? headers = null, int port = 0, string scheme = "http")
    {
        Method = method;
        Scheme = scheme;
        Authority = authority;
        var hash = pathAndQuery.IndexOf('#');
        var target = hash < 0 ? pathAndQuery : pathAndQuery[..hash];
        var question = target.IndexOf('?');
        Path = question < 0 ? target : target[..question];
        Query = question < 0 ? "" : target[(question + 1)..];
        Port = port > 0 ? port : PortOf(authority) ?? (scheme == "https" ? 443 : 80);
        _headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                _headers[name] = value;
            }
        }
    }

    /// <summary>From an absolute URL (<c>http://reviews:9080/api?x=1</c>): scheme, authority, port, path and query.</summary>
    public static RequestView FromUrl(string method, string url, IReadOnlyDictionary<string, string>? headers = null)
    {
        var uri = new Uri(url, UriKind.Absolute);
        var authority = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        // Keep the path and query as written: Uri would canonicalize escapes and dot segments.
        var afterScheme = url.IndexOf("//", StringComparison.Ordinal) + 2;
        var slash = url.IndexOfAny(['/', '?', '#'], afterScheme);
        var target = slash < 0 ? "/" : url[slash..];
        if (target.StartsWith('?') || target.StartsWith('#'))
        {
            target = "/" + target;
        }
        return new RequestView(method, target, authority, headers, uri.Port, uri.Scheme);
    }

    public string Method { get; }

    public string Scheme { get; }

    public string Authority { get; }

    public string Path { get; }

    public string Query { get; }

    public int Port { get; }

    /// <summary>The headers as given (names as written).</summary>
    public IReadOnlyDictionary<string, string> Headers => _headers;

    public string? GetHeader(string name) => _headers.TryGetValue(name, out var value) ? value : null;

    private static int? PortOf(string authority)
    {
        // "[::1]:8080" or "host:8080"; a bare IPv6 literal "[::1]" has no port.
        var colon = authority.LastIndexOf(':');
        if (colon < 0 || authority.IndexOf(']', colon) >= 0)
        {
            return null;
        }
        return int.TryParse(authority.AsSpan(colon + 1), out var port) && port is > 0 and <= 65535 ? port : null;
    }
}
