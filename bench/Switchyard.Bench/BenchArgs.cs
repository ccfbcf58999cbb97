using System.Globalization;

namespace Switchyard.Bench;

/// <summary>The few option forms the benchmarks take (<c>--count 10000</c>); a bad one is a usage error.</summary>
internal static class BenchArgs
{
    public static int Int(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        if (i < 0) return fallback;
        if (i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
            return value;
        throw new ArgumentException($"{name} needs a positive integer");
    }

    public static int Guard(Func<int> run)
    {
        try
        {
            return run();
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
    }
}
