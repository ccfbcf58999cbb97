using Switchyard.Model;

namespace Switchyard.Translation;

/// <summary>A cluster some route (or the registry) needs: (host, subset, port), and where it
/// was first asked for, so a cluster that cannot be built is reported on that line.</summary>
public sealed record ClusterRequest(string Name, string Host, string? Subset, uint Port, ResourceRef? ReferencedBy, SourceSpan Span, string? FieldPath);
