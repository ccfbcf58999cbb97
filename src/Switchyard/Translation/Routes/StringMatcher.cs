using Switchyard.Model.Networking;
using Switchyard.Re2;

namespace Switchyard.Translation.Routes;

/// <summary>
/// One compiled <see cref="StringMatch"/> (Envoy's StringMatcher): exact, prefix, RE2 full match,
/// or "any value" when none is set. Matches spans so callers need not allocate.
/// </summary>
internal sealed class StringMatcher : ISpanPredicate
{
    private readonly StringMatchKind _kind;
    private readonly string _value;
    private readonly Re2Regex? _regex;
    private readonly StringComparison _comparison;

    private StringMatcher(StringMatchKind kind, string value, Re2Regex? regex, bool ignoreCase)
    {
        _kind = kind;
        _value = value;
        _regex = regex;
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
    }

    /// <summary>A matcher that accepts any value (for headers and query params: "is present").</summary>
    public static readonly StringMatcher Any = new(StringMatchKind.Any, "", null, false);

    public StringMatchKind Kind => _kind;

    /// <summary>True when only the presence of the value is checked.</summary>
    public bool IsAny => _kind == StringMatchKind.Any;

    /// <summary>
    /// Compiles a StringMatch. Exactly one of exact, prefix, regex should be set (validation says
    /// so); if several are, exact wins over prefix over regex. None set means any value.
    /// </summary>
    /// <param name="ignoreCase">Case-insensitive exact and prefix (Envoy's RouteMatch case_sensitive
    /// false, which Istio sets from ignoreUriCase); never applied to regex, as in Envoy.</param>
    /// <param name="starMeansPresent">Istio turns <c>regex: "*"</c> into Envoy's present_match for
    /// headers and query params (istio/istio#20629); for the uri it is just an invalid regex.</param>
    public static StringMatcher Compile(StringMatch? match, bool ignoreCase = false, bool starMeansPresent = true)
    {
        if (match is null)
        {
            return Any;
        }
        if (match.Exact is not null)
        {
            return new StringMatcher(StringMatchKind.Exact, match.Exact, null, ignoreCase);
        }
        if (match.Prefix is not null)
        {
            return new StringMatcher(StringMatchKind.Prefix, match.Prefix, null, ignoreCase);
        }
        if (match.Regex is null || (starMeansPresent && match.Regex == "*"))
        {
            return Any;
        }
        // Validation rejects a bad regex; if one gets here anyway, the condition can never hold
        // rather than the translation throwing (validate at the edge, trust inside).
        return Re2Regex.TryCompile(match.Regex, out var regex, out _)
            ? new StringMatcher(StringMatchKind.Regex, match.Regex, regex, false)
            : new StringMatcher(StringMatchKind.Never, match.Regex, null, false);
    }

    public bool Matches(ReadOnlySpan<char> value) => _kind switch
    {
        StringMatchKind.Any => true,
        StringMatchKind.Exact => value.Equals(_value, _comparison),
        StringMatchKind.Prefix => value.StartsWith(_value, _comparison),
        StringMatchKind.Regex => _regex!.IsFullMatch(value),
        _ => false,
    };

    bool ISpanPredicate.Test(ReadOnlySpan<char> value) => Matches(value);

    public override string ToString() => _kind switch
    {
        StringMatchKind.Any => "any",
        StringMatchKind.Exact => $"exact \"{_value}\"",
        StringMatchKind.Prefix => $"prefix \"{_value}\"",
        StringMatchKind.Regex => $"regex \"{_value}\"",
        _ => $"invalid regex \"{_value}\" (never matches)",
    };
}
