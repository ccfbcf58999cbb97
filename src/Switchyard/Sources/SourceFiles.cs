using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Model;

namespace Switchyard.Sources;

/// <summary>
/// Reads the source's paths file by file (not in one <see cref="ConfigLoader.LoadPaths"/> call),
/// so a syntax error is tied to its file and only that file is held back.
/// </summary>
internal static class SourceFiles
{
    public static List<FileRead> ReadAll(IEnumerable<string> paths, LoadOptions options, List<Diagnostic> inputErrors)
    {
        var reads = new List<FileRead>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Enumerate(paths, inputErrors))
        {
            if (!seen.Add(Path.GetFullPath(file))) continue;
            if (Read(file, options) is { } read) reads.Add(read);
        }
        return reads;
    }

    private static IEnumerable<string> Enumerate(IEnumerable<string> paths, List<Diagnostic> inputErrors)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                inputErrors.Add(Diagnostic.Error("standard input cannot be watched; give files or directories", new SourceSpan("-", 0, 0)));
                continue;
            }
            if (Directory.Exists(path))
            {
                try
                {
                    files.AddRange(ConfigLoader.FilesUnder(path));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Removed or made unreadable while we listed it; the next event reloads again.
                    inputErrors.Add(Diagnostic.Error($"cannot list {path}: {ex.Message}", new SourceSpan(path, 0, 0)));
                }
                continue;
            }
            if (File.Exists(path)) files.Add(path);
            else inputErrors.Add(Diagnostic.Error($"no such file or directory: {path}", new SourceSpan(path, 0, 0)));
        }
        return files;
    }

    /// <summary>The file's load result; null when it vanished between listing and reading (deleted).</summary>
    private static FileRead? Read(string file, LoadOptions options)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FileRead(file, null, Diagnostic.Error($"cannot read {file}: {ex.Message}", new SourceSpan(file, 0, 0)));
        }
        return new FileRead(file, ConfigLoader.LoadText(text, file, options), null);
    }
}
