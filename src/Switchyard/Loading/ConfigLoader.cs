using Switchyard.Diagnostics;
using Switchyard.Model;

namespace Switchyard.Loading;

/// <summary>
/// Reads any mix of files, directories (recursive: see <see cref="ConfigFiles"/>) and <c>-</c>
/// (stdin) into typed resources with the source position of every field. This is the parser
/// only: commands load through <see cref="Sources.ConfigPipeline"/>, which also admits.
/// </summary>
public static class ConfigLoader
{

    public static LoadResult LoadPaths(IEnumerable<string> paths, LoadOptions? options = null)
    {
        options ??= new LoadOptions();
        var result = new LoadResult();
        var binder = new DocumentBinder(options.DefaultNamespace, result);
        foreach (var path in paths)
        {
            if (path == "-")
            {
                LoadText((options.Stdin ?? Console.In).ReadToEnd(), "-", binder, result);
                continue;
            }
            if (Directory.Exists(path))
            {
                IReadOnlyList<string> files;
                try
                {
                    files = ConfigFiles.FilesUnder(path);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    result.InputErrors.Add(Diagnostic.Error($"cannot list {path}: {ex.Message}", new SourceSpan(path, 0, 0)));
                    continue;
                }
                foreach (var file in files) LoadFile(file, binder, result);
                continue;
            }
            if (File.Exists(path))
            {
                LoadFile(path, binder, result);
                continue;
            }
            result.InputErrors.Add(Diagnostic.Error($"no such file or directory: {path}", new SourceSpan(path, 0, 0)));
        }
        return result;
    }

    public static LoadResult LoadText(string text, string fileName, LoadOptions? options = null)
    {
        var result = new LoadResult();
        LoadText(text, fileName, new DocumentBinder((options ?? new LoadOptions()).DefaultNamespace, result), result);
        return result;
    }

    /// <summary>Files under a directory in a stable order, so messages and snapshots are deterministic.</summary>
    public static IEnumerable<string> FilesUnder(string directory) => ConfigFiles.FilesUnder(directory);

    private static void LoadFile(string file, DocumentBinder binder, LoadResult result)
    {
        string text;
        try
        {
            text = ConfigText.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            result.InputErrors.Add(Diagnostic.Error($"cannot read {file}: {ex.Message}", new SourceSpan(file, 0, 0)));
            return;
        }
        LoadText(text, file, binder, result);
    }

    private static void LoadText(string text, string file, DocumentBinder binder, LoadResult result)
    {
        result.Files.Add(file);
        // A byte order mark is not content (File.ReadAllText drops it; text from elsewhere may not).
        if (text.StartsWith('\uFEFF')) text = text[1..];
        if (NonPrintableCharacters.Check(text, file) is { } binary)
        {
            // Nothing of a binary file is read: what parsed before the NUL is not config either.
            result.SyntaxErrors.Add(binary);
            return;
        }
        var tape = new YamlTape();
        var mark = new LoadResult.Mark(result);
        if (FastYamlReader.TryRead(text, file, tape, binder.Bind)) return;
        // Not the fast reader's kind of YAML: undo what its documents added and read it all again.
        mark.Rewind(result);
        YamlDocumentReader.Read(text, file, tape, binder.Bind, result.SyntaxErrors);
    }
}
