using System.Net;
using Microsoft.Extensions.Logging;
using Switchyard.Proxy.Telemetry;
using Switchyard.Randomness;
using Switchyard.Sources;

namespace Switchyard.Proxy.Hosting;

/// <summary>
/// Everything <see cref="SwitchyardHost"/> needs to start a proxy: its listeners, its config
/// sources, its identity and the clock, randomness and logging it runs on. The CLI's
/// <c>run</c> and <c>demo</c> and every test harness fill in this one record. A new listener or
/// source kind is one more property here and one registration in the host.
/// </summary>
public sealed record SwitchyardHostOptions
{
    /// <summary>The outbound listener (HTTP/1.1 and h2c), as Istio's sidecar 15001; port 0 picks a free port.</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 15001);

    /// <summary>The admin API (Envoy's admin on 15000); null for none (<c>--admin off</c>). It shows
    /// the whole config, so a non-loopback address is logged as a warning.</summary>
    public IPEndPoint? Admin { get; init; } = new(IPAddress.Loopback, 15000);

    /// <summary>The cap on downstream connections to the outbound listener (Envoy's overload
    /// manager, <c>global_downstream_max_connections</c>); null for the default,
    /// <see cref="SwitchyardHost.DefaultMaxConnections"/>: three quarters of the open-files limit
    /// (after raising it to the hard limit), at most 100,000.</summary>
    public int? MaxConnections { get; init; }

    /// <summary>Header size, header timeout and body size limits of the outbound listener.</summary>
    public DownstreamLimits Limits { get; init; } = new();

    /// <summary>Config files and directories, read by a <see cref="FileSource"/> and watched.</summary>
    public IReadOnlyList<string> ConfigFiles { get; init; } = [];

    /// <summary>Sources built by the caller (an <see cref="InMemorySource"/> in tests, the demo's
    /// endpoints); read beside <see cref="ConfigFiles"/>. The host disposes them.</summary>
    public IReadOnlyList<IConfigSource> Sources { get; init; } = [];

    /// <summary>The proxy's namespace; also the namespace of file resources that name none.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>The largest config file <see cref="ConfigFiles"/> may hold (<c>--max-file-bytes</c>).</summary>
    public long MaxFileBytes { get; init; } = Switchyard.Loading.LoadOptions.DefaultMaxFileBytes;

    /// <summary>The proxy's own labels (sourceLabels matches, failoverPriority), as Istio reads them from the pod.</summary>
    public IReadOnlyDictionary<string, string> WorkloadLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>The proxy's locality (<c>region/zone/subzone</c>); null takes it from <see cref="WorkloadLabels"/>'
    /// topology labels, as Istio does.</summary>
    public string? Locality { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Every random choice: weighted destinations, balancers, fault percentages.</summary>
    public IRandomSource Random { get; init; } = SharedRandomSource.Instance;

    /// <summary>Where the host, its sources and Kestrel log; null for one line per event on stderr
    /// at Information (stdout stays the access log's).</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The access log's format; <see cref="AccessLogFormat.Off"/> writes none.</summary>
    public AccessLogFormat AccessLog { get; init; } = AccessLogFormat.Off;

    /// <summary>Where access log lines go (Istio's sidecar writes them to stdout).</summary>
    public TextWriter? AccessLogOutput { get; init; }

    /// <summary>The Kubernetes-compatible config API (<c>--kube-api</c>); null for none. Its directory is read by the file source too.</summary>
    public KubeApi.KubeApiOptions? KubeApi { get; init; }

    /// <summary>Called once per request with its outcome (metrics, tests), beside the access log.</summary>
    public Action<RequestOutcome>? OnOutcome { get; init; }

    /// <summary>Where to export one OpenTelemetry span per request over OTLP
    /// (<c>--otlp-endpoint</c>); null (the default) exports nothing and makes no span.</summary>
    public Uri? OtlpEndpoint { get; init; }
}
