using System.CommandLine;
using Switchyard.Proxy.Hosting;
using Switchyard.Proxy.Telemetry;

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

        // The proxy's own log (snapshots, rejections, listeners) on stderr; stdout is the access log's.
        using var logs = OneLineLoggerProvider.CreateFactory(io.Err);
        await using var host = await SwitchyardHost.StartAsync(new SwitchyardHostOptions
        {
            Listen = listen,
            Admin = admin,
            ConfigFiles = paths,
            Namespace = ns,
            WorkloadLabels = workloadLabels,
            LoggerFactory = logs,
            AccessLog = accessLog,
            AccessLogOutput = io.Out,
        }, ct);
        io.Err.WriteLine($"switchyard proxy on {host.ProxyUri}, admin on {host.AdminUri}");
        await ShutdownSignal.WaitAsync(ct);
        return 0;
    }
}
