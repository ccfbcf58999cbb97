using System.CommandLine;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Model;
using Switchyard.Model.Kubernetes;
using Switchyard.Proxy.Demo;
using Switchyard.Proxy.Hosting;
using Switchyard.Registry;
using Switchyard.Sources;

namespace Switchyard.Cli.Commands;

/// <summary>
/// <c>switchyard demo</c>: no cluster, no Docker. Starts one in-process backend per Deployment of
/// the example (its "pod"), loads the example with endpoints pointing at them, starts the proxy,
/// sends traffic and prints where it went.
/// </summary>
public static class DemoCommand
{
    public static Command Create(CliIo io)
    {
        var config = new Option<string>("--config") { Description = "The scenario to run.", DefaultValueFactory = _ => DefaultExample() };
        var listen = new Option<string>("--listen") { Description = "Proxy listen address (port 0 = any free port).", DefaultValueFactory = _ => "127.0.0.1:0" };
        var admin = new Option<string>("--admin") { Description = "Admin API address.", DefaultValueFactory = _ => "127.0.0.1:0" };
        var requests = new Option<int>("--requests") { Description = "How many requests to send.", DefaultValueFactory = _ => 1000 };
        var keep = new Option<bool>("--keep-running") { Description = "Keep the proxy and backends up after the traffic (Ctrl+C stops)." };
        var maxFile = MaxFileBytesOption.Create();
        var host = new Option<string?>("--host") { Description = "The host to send the traffic to (a host of the scenario's VirtualServices or Services); default: the first by name." };
        var command = new Command("demo", "Run the frontend scenario end to end on this machine: backends, proxy, traffic, and a table of where it went.");
        foreach (var o in new Option[] { config, listen, admin, requests, keep, host, maxFile }) command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var l = EndpointParser.ParseListen(parse.GetValue(listen)!, out var e1);
            var a = EndpointParser.ParseListen(parse.GetValue(admin)!, out var e2);
            var maxFileBytes = MaxFileBytesOption.Parse(parse.GetValue(maxFile)!, out var e3);
            var error = e1 ?? e2 ?? e3;
            if (error is not null) { io.Err.WriteLine($"error: {error}"); return 2; }
            return await RunAsync(io, parse.GetValue(config)!, l!, a!, parse.GetValue(requests), parse.GetValue(keep), ct, parse.GetValue(host),
                maxFileBytes!.Value);
        });
        return command;
    }

    private static string DefaultExample()
    {
        var local = Path.Combine("examples", "frontend");
        return Directory.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, "examples", "frontend");
    }

    public static async Task<int> RunAsync(CliIo io, string configPath, IPEndPoint listen, IPEndPoint admin, int requests, bool keepRunning, CancellationToken ct, string? host = null,
        long maxFileBytes = LoadOptions.DefaultMaxFileBytes)
    {
        // The same load → admit pipeline as run's: what validate or run would reject, demo refuses.
        // An input that cannot be read at all is refused too, not served as an empty config.
        var verdict = ConfigPipeline.Read([configPath], new LoadOptions { MaxFileBytes = maxFileBytes });
        if (!verdict.IsValid)
        {
            foreach (var d in DiagnosticFormatter.Sorted(verdict.Set.Rejected.Union(verdict.InputErrors).ToList())) io.Err.WriteLine(DiagnosticFormatter.FormatValidateLine(d));
            return 1;
        }
        var files = new FileSource([configPath], new LoadOptions { MaxFileBytes = maxFileBytes }, TimeProvider.System, FileSource.DefaultDebounce);
        var loaded = files.LoadNow();

        // One backend per workload: the pods the Deployments would run.
        var backends = new List<(Workload Workload, EchoBackend Backend)>();
        var sources = new List<IConfigSource> { files };
        try
        {
            foreach (var w in loaded.Resources.OfType<Workload>())
            {
                var version = w.Spec.Template.Metadata.Labels?.GetValueOrDefault("version") ?? w.Name;
                var app = w.Spec.Template.Metadata.Labels?.GetValueOrDefault("app") ?? w.Name;
                backends.Add((w, await EchoBackend.StartAsync($"{app} {version}")));
            }
            // The endpoints Kubernetes would create for those pods, as one more source beside the files.
            var endpoints = new InMemorySource("demo-endpoints");
            endpoints.Set(ConfigLoader.LoadText(DemoEndpointsYaml(loaded.Resources, backends), "demo-endpoints.yaml").Resources);
            sources.Add(endpoints);

            // The table is the demo's output; the proxy's own log shows only what went wrong.
            using var logs = OneLineLoggerProvider.CreateFactory(io.Err, LogLevel.Warning);
            var options = new SwitchyardHostOptions { Listen = listen, Admin = admin, Sources = sources, LoggerFactory = logs };
            sources = [];
            await using var server = await SwitchyardHost.StartAsync(options, ct);

            var snapshot = server.State.Current.Snapshot;
            var hosts = HostNames(snapshot);
            if (host is not null && snapshot.FindVirtualHost(host) is null)
            {
                // Traffic to a host the proxy does not know would only count 404s (NR).
                io.Err.WriteLine($"error: --host {host}: no such host in {configPath}; its hosts: {string.Join(", ", hosts)}");
                return 2;
            }
            var shortHost = host ?? hosts.FirstOrDefault() ?? "frontend";
            io.Out.WriteLine($"Switchyard demo: {configPath} — proxy {server.ProxyUri}, admin {server.AdminUri}");
            foreach (var (w, b) in backends) io.Out.WriteLine($"  backend {b.Name,-14} (Deployment {w.Namespace}/{w.Name}) on 127.0.0.1:{b.Port}");

            var counts = await SendTrafficAsync(server.ProxyUri, shortHost, requests, ct);
            io.Out.WriteLine();
            io.Out.WriteLine($"{requests} requests to http://{shortHost}/ through the proxy:");
            io.Out.WriteLine($"  {"answered by",-16} {"requests",8} {"share",7}");
            foreach (var (name, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
                io.Out.WriteLine($"  {name,-16} {count,8} {100.0 * count / requests,6:0.0}%");
            io.Out.WriteLine();
            if (keepRunning)
            {
                // curl reads the proxy from lower-case http_proxy only (it ignores HTTP_PROXY, a
                // CGI hazard), so the hint is printed the way curl takes it.
                // Listening before the lines below, so a signal sent as soon as they appear is taken.
                using var shutdown = ShutdownSignal.Listen(ct);
                io.Out.WriteLine($"Try it:  curl -H 'Host: {shortHost}' {server.ProxyUri}");
                io.Out.WriteLine($"         http_proxy={server.ProxyUri} curl http://{shortHost}/");
                io.Out.WriteLine($"         curl {server.AdminUri}config_dump");
                io.Out.WriteLine("Running; Ctrl+C or SIGTERM stops.");
                await shutdown.WaitAsync();
            }
            else
            {
                // The proxy stops when this command returns: a curl line now would be refused.
                io.Out.WriteLine("The proxy and backends stop now; add --keep-running to keep them up and curl them.");
            }
            return counts.Keys.Any(k => k.StartsWith("HTTP ", StringComparison.Ordinal)) ? 1 : 0;
        }
        finally
        {
            // Sources not yet handed to the host (it disposes those it was given).
            foreach (var s in sources) s.Dispose();
            foreach (var (_, b) in backends) await b.DisposeAsync();
        }
    }

    /// <summary>Each virtual host by the shortest name it answers to (<c>frontend</c>, not its
    /// FQDN; a ServiceEntry's <c>api.example.com</c> as it is), in order.</summary>
    private static List<string> HostNames(Switchyard.Translation.MeshSnapshot snapshot) =>
        snapshot.VirtualHosts
            .Where(kv => !kv.Key.Contains(':') && !kv.Key.StartsWith('*'))
            .GroupBy(kv => kv.Value, ReferenceEqualityComparer.Instance)
            .Select(g => g.Select(kv => kv.Key).OrderBy(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).First())
            .Order(StringComparer.Ordinal)
            .ToList();

    private static async Task<Dictionary<string, int>> SendTrafficAsync(Uri proxy, string host, int requests, CancellationToken ct)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = proxy };
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < requests; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Host = host;
            using var response = await client.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var key = response.IsSuccessStatusCode ? body.Split('\n')[0] : $"HTTP {(int)response.StatusCode}";
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    /// <summary>A Pod (the workload's template labels) and an EndpointSlice per backend, for every
    /// Service selecting it: what Kubernetes would create, with the backends' real ports.</summary>
    private static string DemoEndpointsYaml(IReadOnlyList<Resource> resources, List<(Workload Workload, EchoBackend Backend)> backends)
    {
        var yaml = new StringBuilder();
        foreach (var (w, b) in backends)
        {
            var labels = w.Spec.Template.Metadata.Labels ?? new Dictionary<string, string>();
            var podName = $"{w.Name}-demo";
            yaml.Append($"apiVersion: v1\nkind: Pod\nmetadata:\n  name: {podName}\n  namespace: {w.Namespace}\n  labels:\n");
            foreach (var (k, v) in labels) yaml.Append($"    {k}: \"{v}\"\n");
            yaml.Append("status:\n  podIP: 127.0.0.1\n---\n");
            foreach (var svc in resources.OfType<Service>())
            {
                if (svc.Namespace != w.Namespace || svc.Spec.Selector is not { Count: > 0 } sel || !LabelMatch.Selects(sel, labels)) continue;
                yaml.Append($"apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: {svc.Name}-{podName}\n  namespace: {w.Namespace}\n");
                yaml.Append($"  labels:\n    kubernetes.io/service-name: {svc.Name}\naddressType: IPv4\nendpoints:\n- addresses: [127.0.0.1]\n");
                yaml.Append($"  conditions: {{ready: true}}\n  targetRef: {{kind: Pod, name: {podName}, namespace: {w.Namespace}}}\nports:\n");
                foreach (var p in svc.Spec.Ports ?? [])
                    yaml.Append($"- name: \"{p?.Name ?? ""}\"\n  port: {b.Port}\n  protocol: TCP\n");
                yaml.Append("---\n");
            }
        }
        return yaml.ToString();
    }
}
