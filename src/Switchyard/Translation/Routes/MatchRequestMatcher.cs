using Switchyard.Model.Networking;

namespace Switchyard.Translation.Routes;

/// <summary>
/// One compiled <see cref="HTTPMatchRequest"/>: every condition set must hold (AND), as in the
/// Envoy RouteMatch Istio builds from it (TranslateRouteMatch in pilot's route.go).
/// </summary>
/// <remarks>
/// <c>sourceNamespace</c> and <c>gateways</c> are not checked: Istio uses them to decide which
/// proxies get the match at all, and Switchyard runs as one sidecar-like proxy. <c>sourceLabels</c>
/// is decided once, at compile time, against the proxy's own workload labels.
/// </remarks>
internal sealed class MatchRequestMatcher
{
    // Istio's API: in headers, these keys are ignored (they have their own fields).
    private static readonly HashSet<string> IgnoredHeaderKeys = new(StringComparer.Ordinal) { "uri", "scheme", "method", "authority" };

    private readonly StringMatcher? _uri;
    private readonly HeaderMatcher[] _headers;
    private readonly QueryParamMatcher[] _queryParams;
    private readonly int _port;

    private MatchRequestMatcher(int index, string? name, bool sourceLabelsHold, StringMatcher? uri,
        HeaderMatcher[] headers, QueryParamMatcher[] queryParams, int port)
    {
        Index = index;
        Name = name;
        SourceLabelsHold = sourceLabelsHold;
        _uri = uri;
        _headers = headers;
        _queryParams = queryParams;
        _port = port;
    }

    /// <summary>Position in the rule's <c>match</c> list (for explain).</summary>
    public int Index { get; }

    public string? Name { get; }

    /// <summary>False when the proxy's workload labels lack the entry's sourceLabels: it can never hold.</summary>
    public bool SourceLabelsHold { get; }

    public static MatchRequestMatcher Compile(int index, HTTPMatchRequest match, IReadOnlyDictionary<string, string> workloadLabels)
    {
        var headers = new List<HeaderMatcher>();
        if (match.Method is not null)
        {
            headers.Add(HeaderMatcher.ForMethod(match.Method));
        }
        if (match.Authority is not null)
        {
            headers.Add(HeaderMatcher.ForAuthority(match.Authority));
        }
        if (match.Scheme is not null)
        {
            headers.Add(HeaderMatcher.ForScheme(match.Scheme));
        }
        AddHeaders(headers, match.Headers, invert: false);
        AddHeaders(headers, match.WithoutHeaders, invert: true);

        var queryParams = new List<QueryParamMatcher>();
        if (match.QueryParams is not null)
        {
            foreach (var (name, value) in match.QueryParams.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                queryParams.Add(new QueryParamMatcher(name, value));
            }
        }

        // Istio leaves the path specifier at prefix "/" when uri is unset or has no match type.
        var uri = match.Uri is null || (match.Uri.Exact is null && match.Uri.Prefix is null && match.Uri.Regex is null)
            ? null
            : StringMatcher.Compile(match.Uri, ignoreCase: match.IgnoreUriCase == true, starMeansPresent: false);

        var port = match.Port is { } p and > 0 and <= int.MaxValue ? (int)p : 0;
        return new MatchRequestMatcher(index, match.Name, SourceLabelsHoldFor(match.SourceLabels, workloadLabels),
            uri, headers.ToArray(), queryParams.ToArray(), port);
    }

    public bool Matches(IRequestView request)
    {
        if (_port != 0 && request.Port != _port)
        {
            return false;
        }
        if (_uri is not null && !_uri.Matches(request.Path))
        {
            return false;
        }
        foreach (var header in _headers)
        {
            if (!header.Matches(request))
            {
                return false;
            }
        }
        foreach (var query in _queryParams)
        {
            if (!query.Matches(request))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>For explain: the first condition that does not hold for the request, in words,
    /// checked in the order <see cref="Matches"/> checks them; null when the entry holds.</summary>
    public string? FirstFailure(IRequestView request)
    {
        if (_port != 0 && request.Port != _port) return $"port {_port} (the request's port is {request.Port})";
        if (_uri is not null && !_uri.Matches(request.Path)) return $"uri {_uri} (the path is \"{request.Path}\")";
        foreach (var header in _headers)
            if (!header.Matches(request)) return header.ToString();
        foreach (var query in _queryParams)
            if (!query.Matches(request)) return query.ToString();
        return null;
    }

    /// <summary>Each condition in words, for explain: "uri prefix \"/api\"", "header end-user exact \"jason\""...</summary>
    public IReadOnlyList<string> Describe()
    {
        var parts = new List<string>();
        if (_port != 0)
        {
            parts.Add($"port {_port}");
        }
        if (_uri is not null)
        {
            parts.Add($"uri {_uri}");
        }
        foreach (var header in _headers)
        {
            parts.Add(header.ToString());
        }
        foreach (var query in _queryParams)
        {
            parts.Add(query.ToString());
        }
        return parts;
    }

    private static void AddHeaders(List<HeaderMatcher> into, IReadOnlyDictionary<string, StringMatch?>? headers, bool invert)
    {
        if (headers is null)
        {
            return;
        }
        // Sorted like Istio sorts out.Headers, so explain output is deterministic.
        foreach (var (name, value) in headers.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrEmpty(name) || IgnoredHeaderKeys.Contains(name.ToLowerInvariant()))
            {
                continue;
            }
            into.Add(HeaderMatcher.ForHeader(name, value, invert));
        }
    }

    // Istio's sourceMatchHTTP: every sourceLabel must be among the proxy's labels with that value.
    private static bool SourceLabelsHoldFor(IReadOnlyDictionary<string, string>? sourceLabels, IReadOnlyDictionary<string, string> workloadLabels)
    {
        if (sourceLabels is null)
        {
            return true;
        }
        foreach (var (key, value) in sourceLabels)
        {
            if (!workloadLabels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }
        return true;
    }
}
