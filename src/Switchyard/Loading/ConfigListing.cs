using Switchyard.Diagnostics;

namespace Switchyard.Loading;

/// <summary>
/// What a directory holds as configuration: each real file once (under the first of its names,
/// in ordinal order), and a warning for each thing that was skipped and that the user should hear
/// about (a FIFO named <c>x.yaml</c>, a link to <c>/dev/zero</c>, a symlink loop).
/// </summary>
internal sealed class ConfigListing
{
    public List<ListedFile> Files { get; } = new();

    public List<Diagnostic> Warnings { get; } = new();
}

/// <summary>A config file found by a listing: the path it is read and reported by, and its identity and size.</summary>
internal readonly record struct ListedFile(string Path, FileId Id, long Size);
