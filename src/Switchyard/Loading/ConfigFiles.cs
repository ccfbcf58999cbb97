namespace Switchyard.Loading;

/// <summary>
/// Which files are configuration, and how a directory is listed: the one place for the extension
/// list (<c>*.yaml</c>, <c>*.yml</c>, <c>*.json</c>, as <c>kubectl apply -f DIR</c> and
/// <c>istioctl analyze DIR</c> take them) and the order files are read in. The loader, the file
/// source and its watcher all ask here, so they never disagree about what a directory holds.
/// </summary>
public static class ConfigFiles
{
    /// <summary>The extensions read from a directory, compared without regard to case.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".yaml", ".yml", ".json"];

    /// <summary>Whether a file found in a directory is read as configuration.</summary>
    public static bool IsConfigFile(string path)
    {
        var ext = Path.GetExtension(path.AsSpan());
        foreach (var e in Extensions)
            if (ext.Equals(e, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>
    /// The configuration files under a directory, recursively, in ordinal order of their full
    /// paths, so messages and snapshots are deterministic. Listed completely before returning:
    /// an I/O error while listing (EMFILE, EACCES, a directory removed mid-walk) is thrown, never
    /// turned into a shorter list, because a shorter list would delete resources.
    /// </summary>
    public static IReadOnlyList<string> FilesUnder(string directory)
    {
        var files = new List<string>();
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            // The default skips what it cannot open; a skipped directory would read as deleted.
            IgnoreInaccessible = false,
            AttributesToSkip = 0,
            MatchType = MatchType.Simple,
        };
        foreach (var file in Directory.EnumerateFiles(directory, "*", options))
            if (IsConfigFile(file)) files.Add(file);
        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
