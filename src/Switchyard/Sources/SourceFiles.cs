using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Model;

namespace Switchyard.Sources;

/// <summary>
/// Reads the source's paths file by file (not in one <see cref="ConfigLoader.LoadPaths"/> call),
/// so a syntax error is tied to its file and only that file is held back. An I/O error while
/// listing or reading stops the round (<see cref="SourceRead.Failure"/>): the files it could not
/// see are not deleted. A file that is gone by the time it is read was deleted after the listing,
/// and is simply not in the round.
/// </summary>
internal static class SourceFiles
{
    public static SourceRead ReadAll(IEnumerable<string> paths, LoadOptions options, IConfigFileSystem fs, bool allowStdin)
    {
        var reads = new List<FileRead>();
        var inputErrors = new List<Diagnostic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (path == "-")
            {
                if (!allowStdin)
                    inputErrors.Add(Diagnostic.Error("standard input cannot be watched; give files or directories", new SourceSpan("-", 0, 0)));
                else if (seen.Add("-"))
                    reads.Add(Parse("-", (options.Stdin ?? Console.In).ReadToEnd(), options));
                continue;
            }
            List<string> files;
            try
            {
                files = Enumerate(path, fs, inputErrors);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return SourceRead.Failed(path, "list", ex);
            }
            foreach (var file in files)
            {
                if (!seen.Add(Path.GetFullPath(file))) continue;
                string text;
                try
                {
                    text = fs.ReadAllText(file);
                }
                catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
                {
                    // Deleted (or renamed away) since the listing: a clean delete, not a failure.
                    // Whether its resources go is UnsettledFiles' call (an editor that saves by
                    // delete and re-create brings the file back within a debounce period).
                    continue;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    return SourceRead.Failed(file, "read", ex);
                }
                reads.Add(Parse(file, text, options));
            }
        }
        return new SourceRead(reads, inputErrors, null);
    }

    private static List<string> Enumerate(string path, IConfigFileSystem fs, List<Diagnostic> inputErrors)
    {
        switch (fs.KindOf(path))
        {
            case ConfigPathKind.Directory:
                return [.. fs.FilesUnder(path)];
            case ConfigPathKind.File:
                return [path];
            default:
                inputErrors.Add(Diagnostic.Error($"no such file or directory: {path}", new SourceSpan(path, 0, 0)));
                return [];
        }
    }

    private static FileRead Parse(string file, string text, LoadOptions options) =>
        new(file, ConfigLoader.LoadText(text, file, options), null, text);
}
