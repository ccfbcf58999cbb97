using Switchyard.Model.Networking;
using Switchyard.Re2;

namespace Switchyard.Translation.Policies.Rewrite;

/// <summary>
/// A rule's <c>rewrite</c> as Envoy's RouteAction carries it: prefix_rewrite (<c>uri</c>),
/// regex_rewrite (<c>uriRegexRewrite</c>, which pilot prefers when both are set) and
/// host_rewrite_literal (<see cref="HostRewrite"/>). Only routes that forward have it: pilot
/// does not apply rewrites to redirect or direct-response rules.
/// </summary>
/// <remarks>
/// Envoy's prefix_rewrite replaces the part of the path the route matched: the prefix for a prefix
/// match, the whole path for an exact or regex match, and "/" when the match has no uri (Istio's
/// default prefix). Istio makes one Envoy route per match entry, so which entry matched decides;
/// the query string is kept either way.
/// </remarks>
public sealed class RewritePolicy
{
    /// <summary>In <see cref="MatchedLengths"/>: the whole path (without query) was matched.</summary>
    public const int WholePath = -1;

    private readonly int[] _matchedLengths;
    private readonly int _defaultLength;

    private RewritePolicy(string? authority, string? prefixRewrite, Re2Regex? regex, string? regexRewrite, int[] matchedLengths, int defaultLength, bool sameForAll)
    {
        Authority = authority;
        PrefixRewrite = prefixRewrite;
        Regex = regex;
        RegexRewrite = regexRewrite;
        _matchedLengths = matchedLengths;
        _defaultLength = defaultLength;
        NeedsMatchIndex = !sameForAll;
    }

    /// <summary>The upstream Host/:authority, or null to keep the client's.</summary>
    public string? Authority { get; }

    /// <summary><c>rewrite.uri</c>: replaces the matched part of the path.</summary>
    public string? PrefixRewrite { get; }

    /// <summary><c>uriRegexRewrite.match</c>: every match in the path is replaced (RE2 GlobalReplace).</summary>
    public Re2Regex? Regex { get; }

    public string? RegexRewrite { get; }

    /// <summary>True when the replaced length depends on which match entry held, so the proxy must ask.</summary>
    public bool NeedsMatchIndex { get; }

    /// <summary>True when the path changes (Envoy then records x-envoy-original-path).</summary>
    public bool RewritesPath => PrefixRewrite is not null || Regex is not null;

    /// <summary>Per index of the rule's match list: how many leading characters prefix_rewrite replaces.</summary>
    public IReadOnlyList<int> MatchedLengths => _matchedLengths;

    public static RewritePolicy? Compile(HTTPRoute rule)
    {
        if (rule.Redirect is not null || rule.DirectResponse is not null) return null;
        var authority = HostRewrite.ForRoute(rule);
        Re2Regex? regex = null;
        string? regexRewrite = null;
        string? prefix = null;
        if (rule.Rewrite?.UriRegexRewrite is { Match: { } pattern, Rewrite: { } substitution }
            && Re2Regex.TryCompile(pattern, out var compiled, out _) && compiled!.CheckRewrite(substitution) is null)
        {
            regex = compiled;
            regexRewrite = substitution;
        }
        else if (!string.IsNullOrEmpty(rule.Rewrite?.Uri))
        {
            prefix = rule.Rewrite.Uri;
        }
        if (authority is null && regex is null && prefix is null) return null;

        var matches = rule.Match ?? [];
        var lengths = new int[matches.Count];
        var sameForAll = true;
        int? first = null;
        for (var i = 0; i < matches.Count; i++)
        {
            lengths[i] = MatchedLength(matches[i]);
            if (matches[i] is null) continue;
            first ??= lengths[i];
            sameForAll &= lengths[i] == first;
        }
        return new RewritePolicy(authority, prefix, regex, regexRewrite, lengths, first ?? 1, sameForAll || prefix is null);
    }

    /// <summary>
    /// The rewritten path (without query) for a request whose path is <paramref name="path"/> and whose
    /// rule matched through entry <paramref name="matchIndex"/> (negative: no entry, or not asked),
    /// or null when the path is not rewritten.
    /// </summary>
    public string? RewritePath(string path, int matchIndex)
    {
        if (Regex is not null) return Regex.Replace(path, RegexRewrite!);
        if (PrefixRewrite is null) return null;
        var length = (uint)matchIndex < (uint)_matchedLengths.Length ? _matchedLengths[matchIndex] : _defaultLength;
        if (length == WholePath || length > path.Length) return PrefixRewrite;
        return string.Concat(PrefixRewrite, path.AsSpan(length));
    }

    // Envoy: PrefixRouteEntryImpl replaces the prefix, PathRouteEntryImpl and RegexRouteEntryImpl
    // the whole path; Istio's TranslateRouteMatch leaves prefix "/" when uri has no match type.
    private static int MatchedLength(HTTPMatchRequest? match)
    {
        var uri = match?.Uri;
        if (uri?.Exact is not null || (uri?.Prefix is null && uri?.Regex is not null)) return WholePath;
        return uri?.Prefix is { } p ? p.Length : 1;
    }
}
