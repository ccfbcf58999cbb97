using Switchyard.Model.Networking;

namespace Switchyard.Translation.Routes;

/// <summary>
/// A rule's compiled <c>match</c> list: OR across entries, AND within one; an empty or missing
/// list matches everything. The one matcher the proxy, explain and tests all use.
/// </summary>
/// <remarks>
/// Istio turns each match entry into its own Envoy route and drops the entries whose sourceLabels
/// the proxy does not carry; a rule left with no entry produces no route at all, so here it never
/// matches. Null entries (a YAML <c>- </c> with nothing) are skipped.
/// </remarks>
public sealed class RouteMatcher
{
    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    private readonly MatchRequestMatcher[] _entries;
    private readonly bool _matchAll;

    private RouteMatcher(MatchRequestMatcher[] entries, bool matchAll)
    {
        _entries = entries;
        _matchAll = matchAll;
    }

    /// <summary>A matcher that accepts every request (a rule with no match).</summary>
    public static RouteMatcher MatchAll { get; } = new([], matchAll: true);

    /// <summary>True when every request matches (no match entries).</summary>
    public bool MatchesEverything => _matchAll;

    /// <summary>True when no request can match (every entry needs sourceLabels this proxy lacks).</summary>
    public bool NeverMatches => !_matchAll && _entries.Length == 0;

    /// <summary>Compiles a rule's matches. <paramref name="workloadLabels"/> are the proxy's own
    /// labels (<c>--workload-labels</c>): a match whose sourceLabels they do not carry can never hold.</summary>
    public static RouteMatcher Compile(IReadOnlyList<HTTPMatchRequest?>? matches, IReadOnlyDictionary<string, string> workloadLabels)
    {
        ArgumentNullException.ThrowIfNull(workloadLabels);
        if (matches is null)
        {
            return MatchAll;
        }
        var entries = new List<MatchRequestMatcher>(matches.Count);
        var sawEntry = false;
        for (var i = 0; i < matches.Count; i++)
        {
            if (matches[i] is not { } match)
            {
                continue;
            }
            sawEntry = true;
            var compiled = MatchRequestMatcher.Compile(i, match, workloadLabels);
            if (compiled.SourceLabelsHold)
            {
                entries.Add(compiled);
            }
        }
        return sawEntry ? new RouteMatcher(entries.ToArray(), matchAll: false) : MatchAll;
    }

    /// <summary>Compiles with no workload labels (any entry with sourceLabels never holds).</summary>
    public static RouteMatcher Compile(IReadOnlyList<HTTPMatchRequest?>? matches) => Compile(matches, NoLabels);

    /// <summary>Whether the request satisfies the rule's match list.</summary>
    public bool Matches(IRequestView request) => MatchingIndex(request) != NoMatch;

    /// <summary>Returned by <see cref="MatchingIndex"/> when no entry holds.</summary>
    public const int NoMatch = -2;

    /// <summary>Returned by <see cref="MatchingIndex"/> when the rule has no match entries.</summary>
    public const int MatchedByDefault = -1;

    /// <summary>The index in the rule's <c>match</c> list of the first entry that holds,
    /// <see cref="MatchedByDefault"/> for a rule without entries, else <see cref="NoMatch"/>.</summary>
    public int MatchingIndex(IRequestView request)
    {
        if (_matchAll)
        {
            return MatchedByDefault;
        }
        foreach (var entry in _entries)
        {
            if (entry.Matches(request))
            {
                return entry.Index;
            }
        }
        return NoMatch;
    }

    /// <summary>For explain: each live entry's index in the match list and the first of its
    /// conditions the request fails (null for an entry that holds), in matching order.</summary>
    public IReadOnlyList<KeyValuePair<int, string?>> FirstFailures(IRequestView request) =>
        _entries.Select(e => KeyValuePair.Create(e.Index, e.FirstFailure(request))).ToList();

    /// <summary>The conditions of each live entry, by its index in the match list (for explain).</summary>
    public IReadOnlyList<KeyValuePair<int, IReadOnlyList<string>>> Describe()
    {
        var result = new List<KeyValuePair<int, IReadOnlyList<string>>>(_entries.Length);
        foreach (var entry in _entries)
        {
            result.Add(new(entry.Index, entry.Describe()));
        }
        return result;
    }
}
