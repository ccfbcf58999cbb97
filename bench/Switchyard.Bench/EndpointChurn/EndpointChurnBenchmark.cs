using System.Diagnostics;
using System.Globalization;
using System.Text;
using Switchyard.Loading;
using Switchyard.Model;
using Switchyard.Proxy.Runtime;
using Switchyard.Randomness;
using Switchyard.Registry;
using Switchyard.Translation;

namespace Switchyard.Bench.EndpointChurn;

/// <summary>
/// A Kubernetes source's steady state: endpoints churn while the rest of the mesh stands still.
/// A mesh of <c>--services</c> services (two endpoints each, every tenth with a DestinationRule
/// of two subsets and a VirtualService), then <c>--changed</c> endpoints move (a pod replaced: new
/// address) and back, alternately. Measures translate (registry + snapshot) and reconcile (the
/// proxy's cluster runtimes) per change, median of <c>--runs</c>. Loading the YAML is not timed.
/// Only APIs that exist before and after issue 9 are used, so the same file measures both builds.
/// </summary>
internal static class EndpointChurnBenchmark
{
    public static int Run(string[] args)
    {
        var services = BenchArgs.Int(args, "--services", 10_000);
        var changed = BenchArgs.Int(args, "--changed", 1_000);
        var runs = BenchArgs.Int(args, "--runs", 7);

        var a = Load(Mesh(services, changed, moved: false));
        var b = Load(Mesh(services, changed, moved: true));
        var options = new TranslationOptions();
        var holder = new ProxyStateHolder(new ClusterReconciler(SharedRandomSource.Instance, TimeProvider.System, null), TimeProvider.System);
        var initial = MeshTranslator.Translate(a, ServiceRegistry.Build(a), options, 1);
        var watch = Stopwatch.StartNew();
        holder.Apply(initial);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mesh: {services} services, {initial.Clusters.Count} clusters; first apply {watch.Elapsed.TotalMilliseconds:F0} ms"));

        var translate = new double[runs];
        var reconcile = new double[runs];
        for (var i = 0; i <= runs; i++) // run 0 warms up
        {
            var resources = i % 2 == 0 ? b : a;
            GC.Collect();
            watch.Restart();
            var snapshot = MeshTranslator.Translate(resources, ServiceRegistry.Build(resources), options, i + 2);
            var translated = watch.Elapsed.TotalMilliseconds;
            // Translation's garbage is not the reconciler's cost: collect it before timing the apply.
            GC.Collect();
            watch.Restart();
            holder.Apply(snapshot);
            var reconciled = watch.Elapsed.TotalMilliseconds;
            if (i == 0) continue;
            translate[i - 1] = translated;
            reconcile[i - 1] = reconciled;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{changed} endpoints changed: translate median {Median(translate):F0} ms, reconcile median {Median(reconcile):F0} ms, total {Median(translate) + Median(reconcile):F0} ms ({runs} runs)"));
        return 0;
    }

    private static IReadOnlyList<Resource> Load(string yaml)
    {
        var load = ConfigLoader.LoadText(yaml, "mesh.yaml");
        return load.Resources;
    }

    /// <summary>The mesh; with <paramref name="moved"/>, the first endpoint of the first
    /// <paramref name="changed"/> services has a new address.</summary>
    private static string Mesh(int services, int changed, bool moved)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < services; i++)
        {
            var name = "svc" + i.ToString(CultureInfo.InvariantCulture);
            var first = moved && i < changed ? $"10.{200 + i / 65536}.{i / 256 % 256}.{i % 256}" : $"10.{i / 65536}.{i / 256 % 256}.{i % 256}";
            var second = $"10.{100 + i / 65536}.{i / 256 % 256}.{i % 256}";
            sb.Append(CultureInfo.InvariantCulture, $$"""
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: {{name}}, namespace: default}
                spec:
                  hosts: [{{name}}.default.svc.cluster.local]
                  location: MESH_INTERNAL
                  resolution: STATIC
                  ports: [{number: 80, name: http, protocol: HTTP}]
                  endpoints:
                  - address: {{first}}
                    ports: {http: 8080}
                    labels: {version: v1}
                  - address: {{second}}
                    ports: {http: 8080}
                    labels: {version: v2}
                ---

                """);
            if (i % 10 != 0) continue;
            sb.Append(CultureInfo.InvariantCulture, $$$"""
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: {{{name}}}, namespace: default}
                spec:
                  host: {{{name}}}.default.svc.cluster.local
                  trafficPolicy: {connectionPool: {tcp: {maxConnections: 100}}, outlierDetection: {consecutive5xxErrors: 5}}
                  subsets:
                  - {name: v1, labels: {version: v1}}
                  - {name: v2, labels: {version: v2}}
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: {{{name}}}, namespace: default}
                spec:
                  hosts: [{{{name}}}.default.svc.cluster.local]
                  http:
                  - route:
                    - {destination: {host: {{{name}}}.default.svc.cluster.local, subset: v1}, weight: 90}
                    - {destination: {host: {{{name}}}.default.svc.cluster.local, subset: v2}, weight: 10}
                ---

                """);
        }
        return sb.ToString();
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
