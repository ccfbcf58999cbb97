using Switchyard.Model.Networking;

namespace Switchyard.Translation.Routes;

/// <summary>
/// One <c>queryParams</c> entry, as Envoy's QueryParameterMatcher: the FIRST value of the named
/// parameter (percent-decoded) must match; <c>{}</c> or <c>regex: "*"</c> only needs the key
/// present; <c>exact: ""</c> matches a key given with no value (<c>?debug</c> or <c>?debug=</c>).
/// </summary>
internal sealed class QueryParamMatcher
{
    private readonly StringMatcher _value;

    public QueryParamMatcher(string name, StringMatch? match)
    {
        Name = name;
        _value = StringMatcher.Compile(match);
    }

    /// <summary>The parameter name as written; query keys are case-sensitive.</summary>
    public string Name { get; }

    public bool Matches(IRequestView request)
    {
        var query = request.RawQuery;
        if (query.Length == 0)
        {
            return false;
        }
        if (!QueryString.TryGetFirstRaw(query, Name, out var raw))
        {
            return false;
        }
        if (_value.IsAny)
        {
            return true;
        }
        if (!QueryString.NeedsDecoding(raw))
        {
            return _value.Matches(raw);
        }
        return QueryString.MatchDecoded(raw, _value);
    }

    public override string ToString() => $"query {Name} {_value}";
}
