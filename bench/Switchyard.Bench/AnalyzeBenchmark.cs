using System.Diagnostics;
using System.Globalization;
using System.Text;
using Switchyard.Analysis;
using Switchyard.Loading;

namespace Switchyard.Bench;

/// <summary>
/// <c>analyze [--count N] [--namespaces K] [--runs R]</c>: N services, each a Service, Deployments
/// v1 and v2, a VirtualService (a header match to v2, then a 90/10 split) and a DestinationRule
/// with the two subsets, spread over K namespaces and loaded in memory; then
/// <see cref="AnalysisRunner.Run"/> with every analyzer over all namespaces is timed:
/// one warm-up, R runs, median. The generated mesh is consistent, so it should yield no messages
/// and the figure is the cost of the checks themselves.
/// </summary>
internal static class AnalyzeBenchmark
{
    public static int Run(string[] args)
    {
        var count = IntOption(args, "--count", 5_000);
        var namespaces = IntOption(args, "--namespaces", 20);
        var runs = IntOption(args, "--runs", 3);
        if (count < 1 || namespaces < 1 || runs < 1)
        {
            Console.Error.WriteLine("usage: analyze [--count N] [--namespaces K] [--runs R] (all >= 1)");
            return 2;
        }

        var yaml = Generate(count, namespaces);
        var loadWatch = Stopwatch.StartNew();
        var load = ConfigLoader.LoadText(yaml, "generated.yaml");
        loadWatch.Stop();
        var expected = count * 5;
        var problems = load.AllDiagnostics.Count();
        if (load.Resources.Count != expected || problems != 0)
        {
            Console.Error.WriteLine($"generator bug: loaded {load.Resources.Count} of {expected} resources with {problems} diagnostics");
            return 1;
        }

        var options = new AnalysisOptions { AllNamespaces = true };
        var suppressions = Suppressions.Parse([], out _);
        var analyzers = AnalysisRunner.Selected(options).Count();

        var messages = AnalysisRunner.Run(load.Resources, options, suppressions); // warm-up: JIT, lazy indexes
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var watch = Stopwatch.StartNew();
            messages = AnalysisRunner.Run(load.Resources, options, suppressions);
            watch.Stop();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        var median = times.Order().ElementAt(runs / 2);
        if (runs % 2 == 0) median = (median + times.Order().ElementAt(runs / 2 - 1)) / 2;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"analyze: {count:N0} services ({expected:N0} resources: Service, Deployment v1+v2, VirtualService, DestinationRule each) in {namespaces} namespaces, {yaml.Length / (1024.0 * 1024.0):F1} MB YAML"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"runtime {Environment.Version}, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}; load {loadWatch.Elapsed.TotalMilliseconds:F0} ms (once)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"analyze    median {median,9:F1} ms  {expected / (median / 1000.0),12:N0} resources/s  {analyzers} analyzers, warm-up + {runs} runs, {messages.Count} messages"));
        if (messages.Count > 0)
            Console.WriteLine($"first message: {Switchyard.Diagnostics.DiagnosticFormatter.FormatAnalyzeLine(messages[0], color: false)}");
        return 0;
    }

    /// <summary>The multi-document YAML of <paramref name="count"/> consistent services.</summary>
    public static string Generate(int count, int namespaces)
    {
        var sb = new StringBuilder(count * 2_600);
        for (var i = 0; i < count; i++)
        {
            var name = $"svc-{i:D5}";
            var ns = $"team-{i % namespaces:D3}";
            sb.Append(CultureInfo.InvariantCulture, $"""
                apiVersion: v1
                kind: Service
                metadata:
                  name: {name}
                  namespace: {ns}
                spec:
                  selector:
                    app: {name}
                  ports:
                  - name: http
                    port: 8080
                    targetPort: 8080
                ---

                """);
            foreach (var version in new[] { "v1", "v2" })
            {
                sb.Append(CultureInfo.InvariantCulture, $"""
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: {name}-{version}
                      namespace: {ns}
                    spec:
                      replicas: 2
                      selector:
                        matchLabels:
                          app: {name}
                          version: {version}
                      template:
                        metadata:
                          labels:
                            app: {name}
                            version: {version}
                        spec:
                          containers:
                          - name: app
                            image: example/{name}:{version}
                            ports:
                            - containerPort: 8080
                    ---

                    """);
            }
            sb.Append(CultureInfo.InvariantCulture, $"""
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: {name}
                  namespace: {ns}
                spec:
                  hosts:
                  - {name}
                  http:
                  - name: canary-users
                    match:
                    - headers:
                        end-user:
                          exact: tester
                    route:
                    - destination:
                        host: {name}
                        subset: v2
                  - name: default
                    route:
                    - destination:
                        host: {name}
                        subset: v1
                      weight: 90
                    - destination:
                        host: {name}
                        subset: v2
                      weight: 10
                    retries:
                      attempts: 3
                      perTryTimeout: 2s
                    timeout: 10s
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: {name}
                  namespace: {ns}
                spec:
                  host: {name}
                  trafficPolicy:
                    connectionPool:
                      http:
                        http1MaxPendingRequests: 100
                    outlierDetection:
                      consecutive5xxErrors: 5
                      interval: 10s
                      baseEjectionTime: 30s
                  subsets:
                  - name: v1
                    labels:
                      version: v1
                  - name: v2
                    labels:
                      version: v2
                ---

                """);
        }
        return sb.ToString();
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }
}
