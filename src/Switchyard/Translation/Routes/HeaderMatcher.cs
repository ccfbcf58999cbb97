using Switchyard.Model.Networking;

namespace Switchyard.Translation.Routes;

/// <summary>
/// One header condition, as Istio translates it to an Envoy HeaderMatcher: <c>headers</c> entries,
/// <c>withoutHeaders</c> entries (inverted), and the method, authority and scheme fields (Envoy's
/// <c>:method</c>, <c>:authority</c>, <c>:scheme</c> pseudo-headers).
/// </summary>
internal sealed class HeaderMatcher
{
    private readonly HeaderSource _source;
    private readonly StringMatcher _value;

    private HeaderMatcher(string name, HeaderSource source, StringMatcher value, bool invert)
    {
        Name = name;
        _source = source;
        _value = value;
        Invert = invert;
    }

    /// <summary>The header name, lowercase (Envoy compares header names lowercased).</summary>
    public string Name { get; }

    /// <summary>True for a <c>withoutHeaders</c> entry: the condition holds when the header does NOT match.</summary>
    public bool Invert { get; }

    public static HeaderMatcher ForHeader(string name, StringMatch? match, bool invert)
    {
        var lower = name.ToLowerInvariant();
        return new HeaderMatcher(lower, SourceOf(lower), StringMatcher.Compile(match), invert);
    }

    public static HeaderMatcher ForMethod(StringMatch match) => new(":method", HeaderSource.Method, StringMatcher.Compile(match), false);

    public static HeaderMatcher ForAuthority(StringMatch match) => new(":authority", HeaderSource.Authority, StringMatcher.Compile(match), false);

    public static HeaderMatcher ForScheme(StringMatch match) => new(":scheme", HeaderSource.Scheme, StringMatcher.Compile(match), false);

    public bool Matches(IRequestView request)
    {
        var value = _source switch
        {
            HeaderSource.Authority => request.Authority,
            HeaderSource.Method => request.Method,
            HeaderSource.Scheme => request.Scheme,
            _ => request.GetHeader(Name),
        };
        if (!Invert)
        {
            return value is not null && _value.Matches(value);
        }
        // withoutHeaders: Istio sets invert_match, plus treat_missing_header_as_empty unless the
        // entry is a presence check. So {} holds when the header is absent, and a value match
        // holds when the header (or "" if absent) does not match.
        if (_value.IsAny)
        {
            return value is null;
        }
        return !_value.Matches(value ?? "");
    }

    // Envoy sees HTTP/1's Host as :authority; a rule may name the pseudo-headers directly.
    private static HeaderSource SourceOf(string lowerName) => lowerName switch
    {
        ":authority" or "host" => HeaderSource.Authority,
        ":method" => HeaderSource.Method,
        ":scheme" => HeaderSource.Scheme,
        _ => HeaderSource.Header,
    };

    public override string ToString() => $"{(Invert ? "without " : "")}header {Name} {_value}";

    private enum HeaderSource
    {
        Header,
        Authority,
        Method,
        Scheme,
    }
}
