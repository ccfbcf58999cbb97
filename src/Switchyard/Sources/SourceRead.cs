using Switchyard.Diagnostics;

namespace Switchyard.Sources;

/// <summary>
/// Everything one round read from the source's paths, or the I/O error that stopped it. A round
/// with a <see cref="Failure"/> has no files at all: a partial read must never be admitted, since
/// every file it missed would count as deleted. <see cref="Warnings"/> name what was skipped
/// without being opened (a FIFO, a device, a symlink loop); they do not stop the round.
/// </summary>
internal sealed record SourceRead(IReadOnlyList<FileRead> Files, IReadOnlyList<Diagnostic> InputErrors, ReadFailure? Failure,
    IReadOnlyList<Diagnostic>? Warnings = null)
{
    public static SourceRead Failed(string path, string operation, Exception error) => new([], [], new ReadFailure(path, operation, error));
}

/// <summary>The path whose listing or reading failed, what was being done ("list", "read"), and how (EMFILE, EACCES, ...).</summary>
internal sealed record ReadFailure(string Path, string Operation, Exception Error)
{
    /// <summary>The CLI's input error: <c>cannot read x.yaml: Permission denied</c>.</summary>
    public Diagnostic ToDiagnostic() =>
        Diagnostic.Error($"cannot {Operation} {Path}: {Error.Message}", new Model.SourceSpan(Path, 0, 0));
}
