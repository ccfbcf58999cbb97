using Switchyard.Model;

namespace Switchyard.Diagnostics;

/// <summary>
/// One message about the configuration, shared by <c>validate</c>, <c>analyze</c>, the file
/// source and the admin API: what is wrong, where (file:line), on which resource and field,
/// and how to fix it when that is knowable.
/// </summary>
public sealed record Diagnostic
{
    public required Severity Severity { get; init; }

    /// <summary>The message text, without location (e.g. <c>weight must not be negative</c>).</summary>
    public required string Message { get; init; }

    /// <summary>Istio's analyzer code (IST0101...), or null for a plain validation message.</summary>
    public string? Code { get; init; }

    /// <summary>The position of the offending field (or of the resource, or the file).</summary>
    public SourceSpan Span { get; init; } = SourceSpan.None;

    /// <summary>The resource the message is about; null for problems with a file as a whole.</summary>
    public ResourceRef? Resource { get; init; }

    /// <summary>The field path within the resource (<c>spec.http[0].route[1].weight</c>).</summary>
    public string? FieldPath { get; init; }

    /// <summary>How to fix it, when knowable (<c>did you mean "route"?</c>).</summary>
    public string? Hint { get; init; }

    public static Diagnostic Error(string message, SourceSpan span, ResourceRef? resource = null, string? path = null, string? hint = null) =>
        new() { Severity = Severity.Error, Message = message, Span = span, Resource = resource, FieldPath = path, Hint = hint };

    public static Diagnostic Warning(string message, SourceSpan span, ResourceRef? resource = null, string? path = null, string? hint = null) =>
        new() { Severity = Severity.Warning, Message = message, Span = span, Resource = resource, FieldPath = path, Hint = hint };
}
