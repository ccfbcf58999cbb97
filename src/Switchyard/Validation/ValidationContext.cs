using Switchyard.Diagnostics;
using Switchyard.Model;

namespace Switchyard.Validation;

/// <summary>
/// Collects the problems found in one resource, each pinned to the line of the field it is
/// about (or the nearest enclosing field that exists, for a missing one).
/// </summary>
public sealed class ValidationContext(Resource resource)
{
    private readonly List<Diagnostic> _diagnostics = new();

    public Resource Resource { get; } = resource;

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Exists(d => d.Severity == Severity.Error);

    public void Error(string path, string message, string? hint = null) =>
        _diagnostics.Add(Diagnostic.Error(message, Resource.SpanOf(path), Resource.Ref, path, hint));

    public void Warning(string path, string message, string? hint = null) =>
        _diagnostics.Add(Diagnostic.Warning(message, Resource.SpanOf(path), Resource.Ref, path, hint));

    /// <summary>Reports <paramref name="message"/> as an error when it is not null (the Rules/ style).</summary>
    public void ErrorIf(string path, string? message, string? hint = null)
    {
        if (message is not null) Error(path, message, hint);
    }
}
