using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Model;

namespace Switchyard.Sources;

/// <summary>
/// Reads the source's paths file by file (not in one <see cref="ConfigLoader.LoadPaths"/> call),
/// so a syntax error is tied to its file and only that file is held back. An I/O error while
/// listing or reading stops the round (<see cref="SourceRead.Failure"/>): the files it could not
/// see are not deleted. A file that is gone by the time it is read was deleted after the listing,
/// and is simply not in the round. Each real file is read once however many paths reach it (see
/// <see cref="ConfigFiles"/>); anything that is not a regular file is reported and never opened;
/// a file over <see cref="LoadOptions.MaxFileBytes"/> is an error that keeps what it held.
/// </summary>
internal static class SourceFiles
{
    public static SourceRead ReadAll(IEnumerable<string> paths, LoadOptions options, IConfigFileSystem fs, bool allowStdin,
        CancellationToken cancel = default)
    {
        var reads = new List<FileRead>();
        var inputErrors = new List<Diagnostic>();
        var warnings = new List<Diagnostic>();
        var seen = new HashSet<FileId>();
        var stdinRead = false;
        foreach (var path in paths)
        {
            if (path == "-")
            {
                if (!allowStdin)
                    inputErrors.Add(Diagnostic.Error("standard input cannot be watched; give files or directories", new SourceSpan("-", 0, 0)));
                else if (!stdinRead)
                {
                    stdinRead = true;
                    reads.Add(Parse("-", (options.Stdin ?? Console.In).ReadToEnd(), options));
                }
                continue;
            }
            List<ListedFile> files;
            try
            {
                files = Enumerate(path, fs, inputErrors, warnings);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return SourceRead.Failed(path, "list", ex);
            }
            foreach (var file in files)
            {
                // Shutdown does not wait for a round in progress: it is abandoned between files.
                cancel.ThrowIfCancellationRequested();
                if (!seen.Add(file.Id)) continue;
                if (file.Size > options.MaxFileBytes)
                {
                    reads.Add(TooLarge(file.Path, file.Size, options.MaxFileBytes));
                    continue;
                }
                string text;
                try
                {
                    text = fs.ReadAllText(file.Path, options.MaxFileBytes);
                }
                catch (FileTooLargeException ex)
                {
                    // It grew past the limit after the listing.
                    reads.Add(TooLarge(file.Path, ex.Size, ex.Limit));
                    continue;
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
                    return SourceRead.Failed(file.Path, "read", ex);
                }
                reads.Add(Parse(file.Path, text, options));
            }
        }
        return new SourceRead(reads, inputErrors, null, warnings);
    }

    private static List<ListedFile> Enumerate(string path, IConfigFileSystem fs, List<Diagnostic> inputErrors, List<Diagnostic> warnings)
    {
        var info = fs.Stat(path);
        switch (info.Kind)
        {
            case ConfigPathKind.Directory:
                var listing = ConfigFiles.List(path, fs);
                warnings.AddRange(listing.Warnings);
                return listing.Files;
            case ConfigPathKind.File:
                return [new ListedFile(path, info.Id, info.Size)];
            case ConfigPathKind.Other:
                warnings.Add(ConfigFiles.NotRegular(path, info));
                return [];
            default:
                inputErrors.Add(Diagnostic.Error($"no such file or directory: {path}", new SourceSpan(path, 0, 0)));
                return [];
        }
    }

    private static FileRead Parse(string file, string text, LoadOptions options) =>
        new(file, ConfigLoader.LoadText(text, file, options), null, text);

    /// <summary>A file over the limit: not parsed, an error naming its size and the limit, and broken, so it keeps what it held.</summary>
    private static FileRead TooLarge(string file, long size, long limit)
    {
        var result = new LoadResult();
        result.Files.Add(file);
        result.InputErrors.Add(Diagnostic.Error(
            $"file too large: {file} is {Size(size)} ({size} bytes), over the limit of {Size(limit)} ({limit} bytes) for one config file; it was not read",
            new SourceSpan(file, 0, 0), hint: "split it into several files, or raise the limit (--max-file-bytes)"));
        return new FileRead(file, result, null, Text: $"too large: {size}");
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024.0 * 1024.0):0.#} MiB"
        : $"{bytes / 1024.0:0.#} KiB";
}
