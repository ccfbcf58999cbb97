using Switchyard.Diagnostics;
using Switchyard.Model;

namespace Switchyard.Sources;

/// <summary>
/// One published state of the configuration: the resources admitted (live), and why others were
/// not. Immutable; a source swaps the whole set. <see cref="Version"/> rises only when the
/// admitted resources change, so a consumer can skip rebuilding on a round that only changed
/// the diagnostics (an invalid edit that was rejected leaves the live config as it was).
/// </summary>
public sealed class ConfigSet
{
    public static readonly ConfigSet Empty = new(0, [], [], []);

    public ConfigSet(long version, IReadOnlyList<Resource> resources, IReadOnlyList<Diagnostic> rejected, IReadOnlyList<string> files,
        IReadOnlyList<Diagnostic>? warnings = null)
    {
        Version = version;
        Resources = resources;
        Rejected = rejected;
        Files = files;
        Warnings = warnings ?? [];
    }

    /// <summary>Starts at 0 (nothing loaded); each change of the admitted resources adds one.</summary>
    public long Version { get; }

    /// <summary>The live resources, in file order then document order.</summary>
    public IReadOnlyList<Resource> Resources { get; }

    /// <summary>
    /// Why resources or files were rejected in the round that produced this set: syntax errors,
    /// loader field errors, validation errors, duplicates, unreadable inputs.
    /// </summary>
    public IReadOnlyList<Diagnostic> Rejected { get; }

    /// <summary>Validation warnings on resources (they do not stop admission, as in Istio's webhook).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; }

    /// <summary>The files read in that round, in order.</summary>
    public IReadOnlyList<string> Files { get; }
}
