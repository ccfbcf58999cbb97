using Switchyard.Loading;

namespace Switchyard.Cli.Commands;

/// <summary>
/// The paths <c>analyze</c> reads, as istioctl gathers them (istioctl/pkg/analyze/analyze.go
/// gatherFilesInDirectory): a directory given on the command line contributes the configuration
/// files directly in it, and its subdirectories only with <c>-R</c>/<c>--recursive</c>. Files and
/// <c>-</c> pass through unchanged; the pipeline reads the expanded list as it reads any list.
/// </summary>
internal static class AnalyzeInputs
{
    /// <param name="paths">What the user gave.</param>
    /// <param name="recursive">Whether subdirectories are read too.</param>
    /// <param name="skippedSubdirectories">Whether a directory had subdirectories left unread (for the empty-input hint).</param>
    public static List<string> Expand(IReadOnlyList<string> paths, bool recursive, out bool skippedSubdirectories)
    {
        skippedSubdirectories = false;
        var expanded = new List<string>();
        foreach (var path in paths)
        {
            if (recursive || path == "-" || !Directory.Exists(path))
            {
                expanded.Add(path);
                continue;
            }
            List<string> files;
            try
            {
                var top = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0 };
                files = Directory.EnumerateFiles(path, "*", top).Where(ConfigFiles.IsConfigFile).Order(StringComparer.Ordinal).ToList();
                skippedSubdirectories |= Directory.EnumerateDirectories(path, "*", top).Any();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Unlistable: the pipeline reads the directory itself and reports why it cannot.
                expanded.Add(path);
                continue;
            }
            expanded.AddRange(files);
        }
        return expanded;
    }
}
