using Switchyard.Model.Networking;

namespace Switchyard.Analysis.VirtualServices;

/// <summary>
/// Rules and matches of a VirtualService that no request can reach, as Istio's validator finds
/// them (pkg/config/validation/validation.go analyzeUnreachableHTTPRules, ...TCPRules,
/// ...TLSRules) and istioctl surfaces them: IST0130 for a rule, IST0131 for a match. Routes are
/// tried in order and the first match wins, so
/// <list type="bullet">
/// <item>a second rule without matches is dead ("only the last rule can have no matches"), and
/// so is every rule with matches after a match-less one ("route without matches defined before");</item>
/// <item>a match equal to an earlier one (its name aside) is dead (IST0131), and a rule all of whose
/// matches are dead is dead ("all matches used by prior rules");</item>
/// <item>for HTTP, a uri-prefix match covered by an earlier uri-prefix match is dead (IST0131).</item>
/// </list>
/// Unlike istioctl, each finding sits on the line of the rule or match it is about.
/// </summary>
public static class VirtualServiceReachability
{
    public const string OnlyLastRuleMatchless = "only the last rule can have no matches";
    public const string AfterMatchlessRule = "route without matches defined before";
    public const string AllMatchesUsed = "all matches used by prior rules";

    public static IReadOnlyList<ReachabilityFinding> Analyze(VirtualService vs)
    {
        var findings = new List<ReachabilityFinding>();
        var spec = vs.Spec;

        var http = spec.Http ?? [];
        var reachable = Analyze("http", http.Select((r, i) => r is null ? null : new Rule(
            i, HttpRuleId(r, i), r.Match?.Select(MatchKey.Http).ToList() ?? [],
            r.Match?.Select(HttpMatchId).ToList() ?? [])).ToList(), findings);
        FindPrefixOverlaps(http, reachable, findings);

        var tcp = spec.Tcp ?? [];
        Analyze("tcp", tcp.Select((r, i) => r is null ? null : new Rule(
            i, $"#{i}", r.Match?.Select(MatchKey.Tcp).ToList() ?? [],
            r.Match?.Select((_, j) => $"#{j}").ToList() ?? [])).ToList(), findings);

        var tls = spec.Tls ?? [];
        Analyze("tls", tls.Select((r, i) => r is null ? null : new Rule(
            i, $"#{i}", r.Match?.Select(MatchKey.Tls).ToList() ?? [],
            r.Match?.Select((_, j) => $"#{j}").ToList() ?? [])).ToList(), findings);

        return findings;
    }

    /// <summary>Istio's routeName: the quoted name of an HTTP rule, else <c>#index</c> (TCP and TLS rules have no names).</summary>
    public static string HttpRuleId(HTTPRoute route, int index) =>
        string.IsNullOrEmpty(route.Name) ? $"#{index}" : GoFormat.Quote(route.Name);

    /// <summary>Istio's requestName: the quoted name of an HTTP match, else <c>#index</c>.</summary>
    public static string HttpMatchId(HTTPMatchRequest? match, int index) =>
        string.IsNullOrEmpty(match?.Name) ? $"#{index}" : GoFormat.Quote(match.Name);

    /// <summary>One rule as the order analysis sees it: its id and, per match, its key and id.</summary>
    private sealed record Rule(int Index, string Id, IReadOnlyList<string> MatchKeys, IReadOnlyList<string> MatchIds);

    /// <summary>
    /// The order analysis shared by http, tcp and tls; returns the (rule, match) positions that
    /// are neither shadowed by a match-less rule nor duplicates, in order (the HTTP prefix check
    /// runs over those only, as Istio's does).
    /// </summary>
    private static List<(int Rule, int Match)> Analyze(string kind, IReadOnlyList<Rule?> rules, List<ReachabilityFinding> findings)
    {
        var fresh = new List<(int, int)>();
        var firstSeenIn = new Dictionary<string, int>(StringComparer.Ordinal);
        var matchless = new List<string>();
        foreach (var rule in rules)
            if (rule is { MatchKeys.Count: 0 }) matchless.Add(rule.Id);
        Rule? catchAll = null;
        foreach (var rule in rules)
        {
            if (rule is null) continue; // a null rule is a schema error, not an order problem
            var path = $"spec.{kind}[{rule.Index}]";
            if (rule.MatchKeys.Count == 0)
            {
                if (catchAll is not null)
                    findings.Add(Unreachable(path, rule.Id, OnlyLastRuleMatchless,
                        $"rule {catchAll.Id} has no match either and takes every request first: give one of them a match, or remove one"));
                catchAll ??= rule;
                continue;
            }
            if (catchAll is not null)
            {
                // Istio reports this once per match; the copies are identical and istioctl prints one.
                findings.Add(Unreachable(path, rule.Id, AfterMatchlessRule, CatchAllHint(catchAll, matchless)));
                continue;
            }

            var duplicates = 0;
            var earlier = new List<string>();
            for (var j = 0; j < rule.MatchKeys.Count; j++)
            {
                if (firstSeenIn.TryGetValue(rule.MatchKeys[j], out var dup))
                {
                    duplicates++;
                    var dupId = rules[dup]!.Id;
                    if (!earlier.Contains(dupId)) earlier.Add(dupId);
                    findings.Add(new ReachabilityFinding(
                        Messages.VirtualServiceIneffectiveMatch, $"{path}.match[{j}]",
                        dup == rule.Index
                            ? "this match repeats an earlier match of the same rule: remove it"
                            : $"rule {dupId} has the same match and is tried first: remove this match or the earlier one",
                        [rule.Id, rule.MatchIds[j], dupId]));
                    continue;
                }
                firstSeenIn[rule.MatchKeys[j]] = rule.Index;
                fresh.Add((rule.Index, j));
            }
            if (duplicates == rule.MatchKeys.Count)
                findings.Add(Unreachable(path, rule.Id, AllMatchesUsed,
                    $"each match repeats a match of rule {string.Join(", ", earlier)}, tried first: remove this rule or change its matches"));
        }
        return fresh;
    }

    private static ReachabilityFinding Unreachable(string path, string ruleId, string reason, string hint) =>
        new(Messages.VirtualServiceUnreachableRule, path, hint, [ruleId, reason]);

    /// <summary>
    /// Moving the catch-all to the end fixes the order only when it is the one match-less rule:
    /// with another one, the moved rule would sit behind that one and be dead in turn (Envoy
    /// takes the first route that matches, and a route without matches matches everything).
    /// </summary>
    private static string CatchAllHint(Rule catchAll, IReadOnlyList<string> matchless) =>
        matchless.Count == 1
            ? $"rule {catchAll.Id} has no match, so it takes every request first: move rule {catchAll.Id} to the end"
            : $"rules {string.Join(", ", matchless)} have no match and rule {catchAll.Id} takes every request first: "
              + "keep one match-less rule, last, and give the others a match or remove them";

    /// <summary>
    /// Istio's overlapping-match check (genMatchHTTPRoutes, coveredValidation): a later uri-prefix
    /// match whose prefix extends an earlier, different uri prefix, with the same port and
    /// method, authority, header, query and without-header conditions that Istio deems
    /// compatible. Conditions are compared as <c>exact:v</c>/<c>prefix:v</c> strings, equal or
    /// the earlier one starting with the later one, and a missing method counts as
    /// <c>exact:GET</c> — Istio's rules, quirks included, so the same configurations are flagged.
    /// </summary>
    private static void FindPrefixOverlaps(IReadOnlyList<HTTPRoute?> routes, List<(int Rule, int Match)> reachable, List<ReachabilityFinding> findings)
    {
        var prefixed = new List<PrefixMatch>();
        foreach (var (r, m) in reachable)
            if (PrefixMatch.From(routes[r]!, r, m) is { } p) prefixed.Add(p);

        for (var a = 0; a < prefixed.Count; a++)
        {
            var earlier = prefixed[a];
            for (var b = a + 1; b < prefixed.Count; b++)
            {
                var later = prefixed[b];
                if (later.Prefix == earlier.Prefix || !earlier.Covers(later)) continue;
                var hint = later.RuleIndex == earlier.RuleIndex
                    ? $"prefix {earlier.Prefix} of the same rule already takes these requests: remove this match"
                    : $"rule {earlier.RuleId} with prefix {earlier.Prefix} takes these requests first: move this rule above rule {earlier.RuleId}, or remove the match";
                findings.Add(new ReachabilityFinding(
                    Messages.VirtualServiceIneffectiveMatch, $"spec.http[{later.RuleIndex}].match[{later.MatchIndex}]", hint,
                    [later.RuleId, $"{later.MatchId} of prefix {later.Prefix}", $"{earlier.MatchId} of prefix {earlier.Prefix} on {earlier.RuleId}"]));
            }
        }
    }

    /// <summary>A uri-prefix match reduced to what Istio compares (OverlappingMatchValidationForHTTPRoute).</summary>
    private sealed record PrefixMatch(
        int RuleIndex, int MatchIndex, string RuleId, string MatchId, string Prefix, uint Port, string Method, string Authority,
        Dictionary<string, string> Headers, Dictionary<string, string> QueryParams, Dictionary<string, string> WithoutHeaders)
    {
        public static PrefixMatch? From(HTTPRoute route, int ruleIndex, int matchIndex)
        {
            var m = route.Match![matchIndex];
            var prefix = PrefixOf(m?.Uri);
            if (m is null || prefix.Length == 0) return null;
            var method = Condition(m.Method);
            return new PrefixMatch(
                ruleIndex, matchIndex, HttpRuleId(route, ruleIndex), HttpMatchId(m, matchIndex), prefix, m.Port ?? 0,
                method.Length == 0 ? "exact:GET" : method, Condition(m.Authority),
                Conditions(m.Headers), Conditions(m.QueryParams), Conditions(m.WithoutHeaders));
        }

        public bool Covers(PrefixMatch later) =>
            later.Prefix.StartsWith(Prefix, StringComparison.Ordinal)
            && later.Port == Port
            && Compatible(Method, later.Method)
            && Compatible(Authority, later.Authority)
            && Compatible(Headers, later.Headers)
            && Compatible(QueryParams, later.QueryParams)
            && Compatible(WithoutHeaders, later.WithoutHeaders);

        private static bool Compatible(string earlier, string later) =>
            earlier == later || earlier.StartsWith(later, StringComparison.Ordinal);

        private static bool Compatible(Dictionary<string, string> earlier, Dictionary<string, string> later) =>
            earlier.Count == later.Count
            && earlier.All(e => later.TryGetValue(e.Key, out var v) && Compatible(e.Value, v));

        private static string PrefixOf(StringMatch? s) => s is { Exact: null, Prefix: { } p } ? p : "";

        // Istio's assignExactOrPrefix: regex conditions (and empty ones) become "".
        private static string Condition(StringMatch? s) => s switch
        {
            { Exact: { Length: > 0 } e } => "exact:" + e,
            { Exact: null, Prefix: { Length: > 0 } p } => "prefix:" + p,
            _ => "",
        };

        private static Dictionary<string, string> Conditions(IReadOnlyDictionary<string, StringMatch?>? map) =>
            map?.ToDictionary(p => p.Key, p => Condition(p.Value), StringComparer.Ordinal) ?? new(StringComparer.Ordinal);
    }
}
