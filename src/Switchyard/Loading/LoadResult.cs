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

    /// <summary>
    /// Documents read past that a user may think are enforced (an AuthorizationPolicy, an
    /// HTTPRoute, a misspelt Istio kind): warnings, which do not change the verdict.
    /// </summary>
    public List<Diagnostic> Warnings { get; } = new();

    public List<SkippedDocument> Skipped { get; } = new();

    /// <summary>The files read, in order.</summary>
    public List<string> Files { get; } = new();

    /// <summary>How much each list held at a point, to undo a file's partial read (see <see cref="ConfigLoader"/>).</summary>
    internal readonly struct Mark(LoadResult r)
    {
        private readonly int _resources = r.Resources.Count, _syntax = r.SyntaxErrors.Count, _fields = r.FieldErrors.Count,
            _warnings = r.Warnings.Count, _skipped = r.Skipped.Count;

        public void Rewind(LoadResult r)
        {
            Trim(r.Resources, _resources);
            Trim(r.SyntaxErrors, _syntax);
            Trim(r.FieldErrors, _fields);
            Trim(r.Warnings, _warnings);
            Trim(r.Skipped, _skipped);
        }

        private static void Trim<T>(List<T> list, int count) => list.RemoveRange(count, list.Count - count);
    }

    public IEnumerable<Diagnostic> AllDiagnostics => InputErrors.Concat(SyntaxErrors).Concat(FieldErrors);
}
