using Switchyard.Diagnostics;
using Switchyard.Model;

namespace Switchyard.Loading;

/// <summary>A document of a kind Switchyard does not read: listed at debug level, never an error.</summary>
public sealed record SkippedDocument(string ApiVersion, string Kind, string Name, SourceSpan Span);

/// <summary>Everything read from a set of inputs.</summary>
public sealed class LoadResult
{
    public List<Resource> Resources { get; } = new();

    /// <summary>Inputs that could not be read at all (missing file, permission): a usage problem.</summary>
    public List<Diagnostic> InputErrors { get; } = new();

    /// <summary>YAML/JSON that does not parse: nothing after the error in that file was read.</summary>
    public List<Diagnostic> SyntaxErrors { get; } = new();

    /// <summary>Structural problems in documents that parsed (unknown field, wrong type, bad kind...).</summary>
    public List<Diagnostic> FieldErrors { get; } = new();

    public List<SkippedDocument> Skipped { get; } = new();

    /// <summary>The files read, in order.</summary>
    public List<string> Files { get; } = new();

    public IEnumerable<Diagnostic> AllDiagnostics => InputErrors.Concat(SyntaxErrors).Concat(FieldErrors);
}
