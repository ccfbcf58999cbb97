using System.CommandLine;
using Switchyard.Loading;
using Switchyard.Model;
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
        var files = new Option<string[]>("--filename", "-f") { Description = "Config files or directories (watched for changes). Repeatable. Required unless --kubeconfig or --in-cluster.", AllowMultipleArgumentsPerToken = true };
        var listen = new Option<string>("--listen") { Description = "Proxy listen address.", DefaultValueFactory = _ => "127.0.0.1:15001" };
        var admin = new Option<string>("--admin") { Description = "Admin API address (/ready, /config_dump, /rejected), or off. It shows the whole config: keep it on loopback.", DefaultValueFactory = _ => "127.0.0.1:15000" };
        var ns = new Option<string>("--namespace", "-n") { Description = "The proxy's namespace; also the namespace of resources without one.", DefaultValueFactory = _ => "default" };
        var labels = new Option<string>("--workload-labels") { Description = "The proxy's own labels (k=v,k=v), for sourceLabels matches." };
        var accessLog = new Option<AccessLogFormat>("--access-log")
        {
            Description = "One line per request to stdout in Istio's format: text (default), json, or off.",
            DefaultValueFactory = _ => AccessLogFormat.Text,
        };
        var maxConnections = new Option<int?>("--max-connections")
        {
            Description = "Cap on downstream connections; at the cap idle ones are shed, new ones refused and /ready is 503. Default: 3/4 of the open-files limit, at most 100000.",
        };
        var headersKb = new Option<int>("--max-request-headers-kb")
        {
            Description = "Largest request line and headers, in KiB; larger requests get 431 (Envoy's max_request_headers_kb).",
            DefaultValueFactory = _ => DownstreamLimits.DefaultMaxRequestHeadersSize / 1024,
        };
        var headersTimeout = new Option<string>("--request-headers-timeout")
        {
            Description = "Time a client may take to send its request headers (e.g. 10s); slower ones get 408.",
            DefaultValueFactory = _ => "30s",
        };
        var maxBody = new Option<long?>("--max-request-bytes") { Description = "Largest request body in bytes; larger bodies get 413. Default: no limit." };
        var maxFile = MaxFileBytesOption.Create();
        var kubeApi = new KubeApiFlags();
        var cluster = new ClusterFlags();
        var command = new Command("run", "Run the proxy on Istio YAML files, reloading them when they change.");
        var otlp = new Option<Uri?>("--otlp-endpoint") { Description = "Export one OpenTelemetry span per request over OTLP (http://HOST:4318/v1/traces, or http://HOST:4317 for gRPC). Default: off." };
        foreach (var o in new Option[] { files, listen, admin, ns, labels, accessLog, maxConnections, headersKb, headersTimeout, maxBody, maxFile, otlp }) command.Options.Add(o);
        foreach (var o in kubeApi.All) command.Options.Add(o);
        foreach (var o in cluster.All) command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var listenEp = EndpointParser.ParseListen(parse.GetValue(listen)!, out var e1);
            var adminText = parse.GetValue(admin)!;
            var adminOff = string.Equals(adminText, "off", StringComparison.OrdinalIgnoreCase);
            string? e2 = null;
            var adminEp = adminOff ? null : EndpointParser.ParseListen(adminText, out e2);
            var workload = EndpointParser.ParseLabels(parse.GetValue(labels), out var e3);
            var limits = Limits(parse.GetValue(maxConnections), parse.GetValue(headersKb), parse.GetValue(headersTimeout)!, parse.GetValue(maxBody), out var e4);
            var maxFileBytes = MaxFileBytesOption.Parse(parse.GetValue(maxFile)!, out var e5);
            var configFiles = parse.GetValue(files) ?? [];
            var kube = kubeApi.Build(parse, configFiles, parse.GetValue(ns)!, out var e6);
            var e7 = configFiles.Length == 0 && !cluster.Given(parse) ? "give config files with -f PATH, or a cluster with --kubeconfig PATH or --in-cluster" : null;
            var error = e1 ?? e2 ?? e3 ?? e4 ?? e5 ?? e6 ?? e7;
            if (error is not null) { io.Err.WriteLine($"error: {error}"); return 2; }
            var options = new SwitchyardHostOptions
            {
                Listen = listenEp!,
                Admin = adminEp,
                ConfigFiles = configFiles,
                Namespace = parse.GetValue(ns)!,
                MaxFileBytes = maxFileBytes ?? LoadOptions.DefaultMaxFileBytes,
                WorkloadLabels = workload!,
                AccessLog = parse.GetValue(accessLog),
                AccessLogOutput = io.Out,
                MaxConnections = parse.GetValue(maxConnections),
                Limits = limits!,
                OtlpEndpoint = parse.GetValue(otlp),
                KubeApi = kube,
            };
            return await RunAsync(io, options, cluster.Given(parse) ? parse : null, cluster, ct);
        });
        return command;
    }

    private static DownstreamLimits? Limits(int? maxConnections, int headersKb, string headersTimeout, long? maxBody, out string? error)
    {
        error = null;
        if (maxConnections is < 1) error = $"--max-connections must be at least 1, not {maxConnections}";
        else if (headersKb is < 1 or > 8192) error = $"--max-request-headers-kb must be between 1 and 8192, not {headersKb}";
        else if (!Duration.TryParse(headersTimeout, out var timeout, out var why) || timeout.Nanoseconds <= 0)
            error = $"--request-headers-timeout \"{headersTimeout}\": {why ?? "must be positive"}";
        else if (maxBody is < 0) error = $"--max-request-bytes must not be negative, not {maxBody}";
        else
            return new DownstreamLimits { MaxRequestHeadersSize = headersKb * 1024, RequestHeadersTimeout = timeout.ToTimeSpan(), MaxRequestBodySize = maxBody };
        return null;
    }

    private static async Task<int> RunAsync(CliIo io, SwitchyardHostOptions options, ParseResult? clusterParse, ClusterFlags cluster, CancellationToken ct)
    {
        foreach (var p in options.ConfigFiles)
            if (!File.Exists(p) && !Directory.Exists(p)) { io.Err.WriteLine($"error: no such file or directory: {p}"); return 2; }

        // The proxy's own log (snapshots, rejections, listeners) on stderr; stdout is the access log's.
        using var logs = OneLineLoggerProvider.CreateFactory(io.Err);
        if (clusterParse is not null)
        {
            if (cluster.Build(clusterParse, logs, out var clusterError) is not { } source) { io.Err.WriteLine($"error: {clusterError}"); return 2; }
            options = options with { Sources = [.. options.Sources, source] };
        }
        using var shutdown = ShutdownSignal.Listen(ct);
        SwitchyardHost host;
        try
        {
            host = await SwitchyardHost.StartAsync(options with { LoggerFactory = logs }, ct);
        }
        catch (ListenerBindException e)
        {
            // A busy port is the operator's to fix: one line, as kubectl and istioctl say it, no stack trace.
            io.Err.WriteLine($"error: {e.Message}");
            return 2;
        }
        await using (host)
        {
            io.Err.WriteLine(host.AdminUri is { } adminUri
                ? $"switchyard proxy on {host.ProxyUri}, admin on {adminUri}"
                : $"switchyard proxy on {host.ProxyUri}, admin off");
            if (host.KubeApiUri is { } kubeUri) io.Err.WriteLine($"config API on {kubeUri} (switchyard kubeconfig > kc; kubectl --kubeconfig kc get vs)");
            await shutdown.WaitAsync();
        }
        return 0;
    }
}
