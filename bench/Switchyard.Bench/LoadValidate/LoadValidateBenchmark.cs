using Switchyard.Loading;
using Switchyard.Validation;

namespace Switchyard.Bench.LoadValidate;

/// <summary>
/// <c>load-validate [--count N] [--files F] [--runs R]</c>: N VirtualServices and N DestinationRules
/// as multi-document YAML, timed through <see cref="ConfigLoader.LoadPaths"/> and then
/// <see cref="ResourceValidator.ValidateAll"/> separately.
/// </summary>
internal static class LoadValidateBenchmark
{
    public static int Run(string[] args)
    {
        var count = BenchArgs.Int(args, "--count", 10_000);
        var files = BenchArgs.Int(args, "--files", 100);
        var runs = BenchArgs.Int(args, "--runs", 3);

        var dir = Directory.CreateTempSubdirectory("switchyard-bench-").FullName;
        try
        {
            var bytes = ConfigGenerator.WriteFiles(dir, count, files);
            var total = count * 2;
            Console.WriteLine($"load-validate: {count:N0} VirtualServices + {count:N0} DestinationRules in {files} files ({bytes / (1024.0 * 1024.0):F1} MB YAML)");
            Console.WriteLine($"runtime {Environment.Version}, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}; warm-up + {runs} runs, medians");

            var loaded = ConfigLoader.LoadPaths([dir]);
            var problems = loaded.AllDiagnostics.Count();
            if (loaded.Resources.Count != total || problems != 0)
            {
                Console.Error.WriteLine($"generator bug: loaded {loaded.Resources.Count} of {total} resources with {problems} diagnostics");
                return 1;
            }

            var load = Measurement.Run("load", total, runs, () => ConfigLoader.LoadPaths([dir]));
            var validate = Measurement.Run("validate", total, runs, () => ResourceValidator.ValidateAll(loaded.Resources));
            Console.WriteLine(load);
            Console.WriteLine(validate);
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
