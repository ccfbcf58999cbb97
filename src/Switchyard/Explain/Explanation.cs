using Switchyard.Model;
using Switchyard.Translation;

namespace Switchyard.Explain;

/// <summary>Why one rule of the VirtualService did or did not take the request: the rule, where
/// it was written, and the first condition of each match entry that failed (empty when it matched).</summary>
public sealed record RuleVerdict(int Index, string Name, SourceSpan Span, bool Matched, IReadOnlyList<string> FailedConditions);

/// <summary>One weighted destination of the matched rule and the cluster it names (null: missing, 503 NC).</summary>
public sealed record DestinationExplanation(string ClusterName, string Host, string? Subset, int Weight, ClusterExplanation? Cluster);

/// <summary>What the proxy would do with the request: status, Envoy response flag (<c>-</c> for
/// none), what it means and, for a failure, the fix <c>analyze</c> would give.</summary>
public sealed record Verdict(int Status, string Flag, string Message, string? Hint);

/// <summary>Everything <c>switchyard explain</c> prints, in order.</summary>
public sealed record Explanation(
    ExplainRequest Request,
    string? VirtualHost,
    Provenance? Route,
    IReadOnlyList<RuleVerdict> Rules,
    IReadOnlyList<DestinationExplanation> Destinations,
    IReadOnlyList<string> RoutePolicy,
    Verdict Verdict,
    IReadOnlyList<string> NearestHosts);
