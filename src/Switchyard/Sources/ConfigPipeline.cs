using Switchyard.Diagnostics;
using Switchyard.Loading;

namespace Switchyard.Sources;

/// <summary>
/// The one load → admit path for a one-shot read: <c>validate</c>, <c>analyze</c>, <c>demo</c>
/// and any command that reads files once. It runs exactly what every round of
/// <see cref="FileSource"/> runs (the same file listing, the same per-resource validation, the
/// same duplicate rule), so the same input gets the same verdict everywhere. Unlike the watched
/// source it also reads standard input (<c>-</c>), and a read failure is an input error rather
/// than a retry.
/// </summary>
public static class ConfigPipeline
{
    /// <summary>The admitted set for <paramref name="paths"/> (files, directories, <c>-</c>).</summary>
    public static ConfigSet Load(IReadOnlyList<string> paths, LoadOptions options) => Read(paths, options).Set;

    /// <summary>The admitted set and what the CLI prints about the read (input, syntax and structural errors).</summary>
    public static ConfigLoad Read(IReadOnlyList<string> paths, LoadOptions options) =>
        Read(paths, options, PhysicalConfigFileSystem.Instance);

    internal static ConfigLoad Read(IReadOnlyList<string> paths, LoadOptions options, IConfigFileSystem fs)
    {
        var read = SourceFiles.ReadAll(paths, options, fs, allowStdin: true);
        if (read.Failure is { } failure)
        {
            var error = failure.ToDiagnostic();
            return new ConfigLoad(new ConfigSet(0, [], [error], []), [], [error], [], []);
        }

        var admission = ConfigAdmission.Admit([], read.Files, read.InputErrors, read.Warnings);
        var set = new ConfigSet(1, admission.Admitted.Select(a => a.Resource).ToList(), admission.Rejected,
            read.Files.Select(f => f.File).ToList(), admission.Warnings);

        var duplicates = new HashSet<Model.Resource>(admission.Duplicates.Select(d => d.Resource), ReferenceEqualityComparer.Instance);
        var results = read.Files.Select(f => f.Result!).ToList();
        var structural = results.SelectMany(r => r.FieldErrors).ToList();
        structural.AddRange(admission.Duplicates.Select(d => d.Error));
        return new ConfigLoad(set,
            results.SelectMany(r => r.Resources).Where(r => !duplicates.Contains(r)).ToList(),
            read.InputErrors,
            results.SelectMany(r => r.InputErrors.Concat(r.SyntaxErrors)).ToList(),
            structural);
    }
}
