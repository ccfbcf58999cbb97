using System.Globalization;
using Switchyard.Loading;
using Switchyard.Sources;
using Switchyard.Validation;

namespace Switchyard.Bench.LoadValidate;

/// <summary>
/// <c>load-validate [--count N] [--files F] [--runs R] [--write DIR]</c>: N VirtualServices and N DestinationRules
/// as multi-document YAML, timed phase by phase so a regression shows where it is:
/// <list type="bullet">
/// <item><c>read</c>: the files' text, as the loader reads it (<see cref="ConfigText"/>);</item>
/// <item><c>parse</c>: text to YAML documents (<see cref="YamlDocumentReader"/>);</item>
/// <item><c>load</c>: files to typed resources with spans (<see cref="ConfigLoader.LoadPaths"/>: read + parse + bind);</item>
/// <item><c>validate</c>: <see cref="ResourceValidator.ValidateAll"/> over the loaded resources;</item>
/// <item><c>pipeline</c>: what <c>switchyard validate</c> runs (<see cref="ConfigPipeline.Read"/>: load, validate, admit).</item>
/// </list>
/// Allocation is also given as a multiple of the input's size, the figure issue 10 sets a budget on.
/// <c>--write DIR</c> only writes the files (for timing <c>switchyard validate -f</c> on them).
/// </summary>
internal static class LoadValidateBenchmark
{
    public static int Run(string[] args)
    {
        var count = BenchArgs.Int(args, "--count", 10_000);
        var files = BenchArgs.Int(args, "--files", 1);
        var runs = BenchArgs.Int(args, "--runs", 3);

        var write = Array.IndexOf(args, "--write");
        if (write >= 0)
        {
            if (write + 1 >= args.Length) throw new ArgumentException("--write needs a directory");
            Directory.CreateDirectory(args[write + 1]);
            var written = ConfigGenerator.WriteFiles(args[write + 1], count, files);
            Console.WriteLine($"wrote {written / (1024.0 * 1024.0):F1} MB to {args[write + 1]}");
            return 0;
        }

        var dir = Directory.CreateTempSubdirectory("switchyard-bench-").FullName;
        try
        {
            var bytes = ConfigGenerator.WriteFiles(dir, count, files);
            var inputMb = bytes / (1024.0 * 1024.0);
            var total = count * 2;
            Console.WriteLine($"load-validate: {count:N0} VirtualServices + {count:N0} DestinationRules in {files} file(s) ({inputMb:F1} MB YAML)");
            Console.WriteLine($"runtime {Environment.Version}, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}; warm-up + {runs} runs, medians");

            var loaded = ConfigLoader.LoadPaths([dir]);
            var problems = loaded.AllDiagnostics.Count();
            if (loaded.Resources.Count != total || problems != 0)
            {
                Console.Error.WriteLine($"generator bug: loaded {loaded.Resources.Count} of {total} resources with {problems} diagnostics");
                return 1;
            }
            var paths = ConfigLoader.FilesUnder(dir).ToList();

            var results = new[]
            {
                Measurement.Run("read", total, runs, () => ReadAll(paths)),
                Measurement.Run("parse", total, runs, () => ParseAll(paths)),
                Measurement.Run("load", total, runs, () => ConfigLoader.LoadPaths([dir])),
                Measurement.Run("validate", total, runs, () => ResourceValidator.ValidateAll(loaded.Resources)),
                Measurement.Run("pipeline", total, runs, () => ConfigPipeline.Read([dir], new LoadOptions())),
            };
            foreach (var r in results)
                Console.WriteLine(r + string.Create(CultureInfo.InvariantCulture, $"  {r.AllocatedMb / inputMb,5:F1}x input"));
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static long ReadAll(List<string> paths)
    {
        long chars = 0;
        foreach (var p in paths) chars += ConfigText.ReadAllText(p).Length;
        return chars;
    }

    private static int ParseAll(List<string> paths)
    {
        var documents = 0;
        var errors = new List<Diagnostics.Diagnostic>();
        foreach (var p in paths) documents += YamlDocumentReader.CountDocuments(ConfigText.ReadAllText(p), p, errors);
        return documents;
    }
}
