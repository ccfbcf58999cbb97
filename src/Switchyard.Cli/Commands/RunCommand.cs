using System.CommandLine;
using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Proxy.Admin;
using Switchyard.Proxy.Hosting;
using Switchyard.Proxy.Runtime;
using Switchyard.Proxy.Telemetry;
using Switchyard.Registry;
using Switchyard.Randomness;
using Switchyard.Sources;
using Switchyard.Translation;

namespace Switchyard.Cli.Commands;

/// <summary>
/// <c>switchyard run -f PATH...</c>: the proxy over YAML files, hot-reloaded. An invalid edit is
/// rejected (logged and shown on the admin API) and traffic keeps flowing on the last good config.
/// </summary>
public static class RunCommand
{
    public static Command Create(CliIo io)
    {
        var files = new Option<string[]>("--filename", "-f") { Description = "Config files or directories (watched for changes). Repeatable.", AllowMultipleArgumentsPerToken = true, Required = true };
        var listen = new Option<string>("--listen") { Description = "Proxy listen address.", DefaultValueFactory = _ => "127.0.0.1:15001" };
        var admin = new Option<string>("--admin") { Description = "Admin API address (/ready, /config_dump, /rejected).", DefaultValueFactory = _ => "127.0.0.1:15000" };
        var ns = new Option<string>("--namespace", "-n") { Description = "The proxy's namespace; also the namespace of resources without one.", DefaultValueFactory = _ => "default" };
        var labels = new Option<string>("--workload-labels") { Description = "The proxy's own labels (k=v,k=v), for sourceLabels matches." };
        var accessLog = new Option<AccessLogFormat>("--access-log")
        {
            Description = "One line per request to stdout in Istio's format: text (default), json, or off.",
            DefaultValueFactory = _ => AccessLogFormat.Text,
        };
        var command = new Command("run", "Run the proxy on Istio YAML files, reloading them when they change.");
        foreach (var o in new Option[] { files, listen, admin, ns, labels, accessLog }) command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var listenEp = EndpointParser.ParseListen(parse.GetValue(listen)!, out var e1);
            var adminEp = EndpointParser.ParseListen(parse.GetValue(admin)!, out var e2);
            var workload = EndpointParser.ParseLabels(parse.GetValue(labels), out var e3);
            var error = e1 ?? e2 ?? e3;
            if (error is not null) { io.Err.WriteLine($"error: {error}"); return 2; }
            return await RunAsync(io, parse.GetValue(files)!, listenEp!, adminEp!, parse.GetValue(ns)!, workload!, parse.GetValue(accessLog), ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliIo io, string[] paths, System.Net.IPEndPoint listen, System.Net.IPEndPoint admin,
        string ns, Dictionary<string, string> workloadLabels, AccessLogFormat accessLog, CancellationToken ct)
    {
        foreach (var p in paths)
            if (!File.Exists(p) && !Directory.Exists(p)) { io.Err.WriteLine($"error: no such file or directory: {p}"); return 2; }

        var time = TimeProvider.System;
        var adminData = new AdminData();
        // The proxy's locality and labels (for locality balancing and failoverPriority) are its workload's, as Istio reads them from the pod.
        var reconciler = new ClusterReconciler(SharedRandomSource.Instance, time, Localities.FromLabels(workloadLabels), workloadLabels);
        var state = new ProxyStateHolder(reconciler, time);
        var updater = new MeshUpdater(state, adminData, new TranslationOptions { ProxyNamespace = ns, WorkloadLabels = workloadLabels });
        using var loop = new FileConfigLoop(paths, new LoadOptions { DefaultNamespace = ns }, updater, time, set =>
        {
            foreach (var d in set.Rejected) io.Err.WriteLine($"rejected: {DiagnosticFormatter.FormatValidateLine(d)}");
            var snapshot = state.Current.Snapshot;
            io.Err.WriteLine($"config v{set.Version}: {set.Resources.Count} resources, {snapshot.VirtualHosts.Count} host names, {snapshot.Clusters.Count} clusters");
        });
        loop.Start();

        await using var log = accessLog == AccessLogFormat.Off ? null : new AccessLogWriter(io.Out, accessLog);
        var options = new ProxyServerOptions
        {
            Listen = listen,
            Admin = admin,
            OnOutcome = log is null ? null : log.Write,
        };
        await using var server = await ProxyServer.StartAsync(options, state, adminData, ct);
        io.Err.WriteLine($"switchyard proxy on {server.ProxyUri}, admin on {server.AdminUri}");
        await ShutdownSignal.WaitAsync(ct);
        return 0;
    }
}
