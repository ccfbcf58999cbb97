using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Model;

namespace Switchyard.Tests.Loading;

/// <summary>Shorthands the loader tests share: load text as a file, pick the one resource or error.</summary>
internal static class LoadHelpers
{
    public const string FileName = "test.yaml";

    public static LoadResult Load(string text, LoadOptions? options = null) => ConfigLoader.LoadText(text, FileName, options);

    /// <summary>Loads text that must hold exactly one resource of type T and no diagnostics.</summary>
    public static T LoadOne<T>(string text) where T : Resource
    {
        var result = Load(text);
        Assert.Empty(result.AllDiagnostics);
        return Assert.IsType<T>(Assert.Single(result.Resources));
    }

    /// <summary>Loads text that must yield exactly one field error, and returns it.</summary>
    public static Diagnostic OneFieldError(string text)
    {
        var result = Load(text);
        Assert.Empty(result.SyntaxErrors);
        return Assert.Single(result.FieldErrors);
    }
}

/// <summary>A temporary directory removed when the test ends.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("switchyard-tests-").FullName;

    public string Write(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* best effort: a leftover temp dir must not fail a test */ }
    }
}
