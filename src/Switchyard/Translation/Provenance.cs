using Switchyard.Model;

namespace Switchyard.Translation;

/// <summary>Where a route or cluster came from: the resource, the rule index (or -1) and file:line.
/// Read by metrics labels, the access log, the admin API and explain.</summary>
public sealed record Provenance(ResourceRef Resource, int RuleIndex, SourceSpan Span)
{
    public override string ToString() =>
        RuleIndex >= 0 ? $"{Resource} http[{RuleIndex}] ({Span})" : $"{Resource} ({Span})";
}
