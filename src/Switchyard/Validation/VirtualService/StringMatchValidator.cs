using System.Text;
using Switchyard.Model.Networking;
using Switchyard.Re2;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// StringMatch and regex rules: a prefix may not be empty (except for the URI, where Envoy
/// allows it), a regex must be non-empty, at most 1024 bytes and valid RE2. Istio's
/// validateStringMatch, validateStringMatchRegexp and validateStringRegexp.
/// </summary>
internal static class StringMatchValidator
{
    /// <summary>
    /// Istio caps regexes by length because Envoy caps the RE2 program size, which is always
    /// larger than the length and which Go cannot compute.
    /// </summary>
    public const int MaxRegexLength = 1024;

    private const string Re2Hint = "Istio uses RE2 (https://github.com/google/re2/wiki/Syntax): no lookaround, no backreferences";

    /// <summary>The prefix and regex rules (scheme, method, authority, headers, queryParams).</summary>
    public static void Validate(StringMatch? match, string path, string where, ValidationContext ctx)
    {
        if (match is null) return;
        if (match.Regex is not null)
        {
            ValidateRegexMatch(match, path, where, ctx);
        }
        else if (match.Prefix is { Length: 0 })
        {
            ctx.Error(path + ".prefix", $"{GoText.Quote(where)}: prefix string match should not be empty",
                "remove the match to accept any value, or use {} for \"header present\"");
        }
    }

    /// <summary>The regex rules only (the URI, whose empty prefix is allowed).</summary>
    public static void ValidateRegexMatch(StringMatch? match, string path, string where, ValidationContext ctx)
    {
        if (match?.Regex is not { } regex) return;
        if (regex.Length == 0)
        {
            ctx.Error(path + ".regex", $"{GoText.Quote(where)}: regex string match should not be empty");
            return;
        }
        ValidateRegex(regex, path + ".regex", where, ctx);
    }

    /// <summary>Length and RE2 syntax of a regex already known to be set.</summary>
    public static void ValidateRegex(string regex, string path, string where, ValidationContext ctx)
    {
        // Go's len() counts bytes.
        if (Encoding.UTF8.GetByteCount(regex) > MaxRegexLength)
        {
            ctx.Error(path, $"{GoText.Quote(where)}: regex is too large, max length allowed is {MaxRegexLength}");
            return;
        }
        // Syntax only: building the .NET matcher is the proxy's job, and costs far more than parsing.
        if (Re2Regex.CheckSyntax(regex) is { } error)
            ctx.Error(path,
                $"{GoText.Quote(where)}: {error}; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)",
                Re2Hint);
    }
}
