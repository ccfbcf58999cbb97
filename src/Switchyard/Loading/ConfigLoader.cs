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
        foreach (var path in paths)
        {
            if (path == "-")
            {
                LoadReader(options.Stdin ?? Console.In, "-", options, result);
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
                foreach (var file in files) LoadFile(file, options, result);
                continue;
            }
            if (File.Exists(path))
            {
                LoadFile(path, options, result);
                continue;
            }
            result.InputErrors.Add(Diagnostic.Error($"no such file or directory: {path}", new SourceSpan(path, 0, 0)));
        }
        return result;
    }

    public static LoadResult LoadText(string text, string fileName, LoadOptions? options = null)
    {
        var result = new LoadResult();
        LoadReader(new StringReader(text), fileName, options ?? new LoadOptions(), result);
        return result;
    }

    /// <summary>Files under a directory in a stable order, so messages and snapshots are deterministic.</summary>
    public static IEnumerable<string> FilesUnder(string directory) => ConfigFiles.FilesUnder(directory);

    private static void LoadFile(string file, LoadOptions options, LoadResult result)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            result.InputErrors.Add(Diagnostic.Error($"cannot read {file}: {ex.Message}", new SourceSpan(file, 0, 0)));
            return;
        }
        LoadReader(new StringReader(text), file, options, result);
    }

    private static void LoadReader(TextReader reader, string file, LoadOptions options, LoadResult result)
    {
        result.Files.Add(file);
        var documents = YamlDocumentReader.Read(reader, file, result.SyntaxErrors);
        foreach (var doc in documents) DocumentBinder.Bind(doc, options.DefaultNamespace, result);
    }
}
