using Switchyard.Bench;
using Switchyard.Bench.EndpointChurn;
using Switchyard.Bench.LoadValidate;

// One verb per benchmark, so later ones (analyze, proxy) are one more line here.
var verbs = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
{
    ["load-validate"] = LoadValidateBenchmark.Run,
    ["analyze"] = AnalyzeBenchmark.Run,
    ["endpoint-churn"] = EndpointChurnBenchmark.Run,
};

if (args.Length == 0 || !verbs.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: Switchyard.Bench <{string.Join("|", verbs.Keys)}> [options]");
    return 2;
}
return BenchArgs.Guard(() => run(args[1..]));
