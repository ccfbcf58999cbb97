using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Proxy.Admin;
using Switchyard.Proxy.KubeApi;
using Switchyard.Proxy.Pipeline;
using Switchyard.Proxy.Runtime;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Telemetry.Metrics;
using Switchyard.Registry;
using Switchyard.Sources;
using Switchyard.Translation;
using Yarp.ReverseProxy.Forwarder;

namespace Switchyard.Proxy.Hosting;

/// <summary>
/// The composition root: builds a proxy from <see cref="SwitchyardHostOptions"/> — its runtime
/// state, its config sources and how their sets become snapshots, its Kestrel listeners — and
/// takes it down in order. <c>switchyard run</c>, <c>demo</c> and every test harness start the
/// proxy here, so this is the one place that knows how the pieces fit.
/// </summary>
public sealed class SwitchyardHost : IAsyncDisposable
{
    private readonly List<KestrelListener> _listeners = [];
    private readonly List<IConfigSource> _sources;
    private readonly ILoggerFactory _logs;
    private readonly bool _ownsLogs;
    private readonly ILogger _logger;
    private readonly AccessLogWriter? _accessLog;
    private readonly OpenTelemetry.Trace.TracerProvider? _tracing;
    private readonly DownstreamConnectionLimit _connectionLimit;
    private readonly (long Before, long After)? _files;
    private readonly KubeApiServer? _kubeApi;
    private bool _started;
    private bool _disposed;

    /// <summary>The default downstream connection cap: half of the files not yet open under the
    /// soft open-files limit, at most 100,000; 100,000 where the limit is unknown. The other half
    /// is headroom for upstream connections, config files and what the runtime opens later (a
    /// framework-dependent .NET process holds ~180 files for its assemblies before serving
    /// anything, and loads more as new code paths run; at EMFILE the runtime itself fails).</summary>
    public static int DefaultMaxConnections(long? fileLimit, int openFiles) =>
        fileLimit is { } limit ? (int)Math.Clamp((limit - openFiles) / 2, 1, 100_000) : 100_000;

    private SwitchyardHost(SwitchyardHostOptions options)
    {
        _ownsLogs = options.LoggerFactory is null;
        _logs = options.LoggerFactory ?? OneLineLoggerProvider.CreateFactory(Console.Error);
        _logger = _logs.CreateLogger("Switchyard.Host");
        Options = options;

        // The proxy's locality and labels (locality balancing, failoverPriority) are its workload's, as Istio reads them from the pod.
        var locality = options.Locality ?? Localities.FromLabels(options.WorkloadLabels);
        State = new ProxyStateHolder(new ClusterReconciler(options.Random, options.Time, locality, options.WorkloadLabels), options.Time);
        var translation = new TranslationOptions { ProxyNamespace = options.Namespace, WorkloadLabels = options.WorkloadLabels };
        _kubeApi = options.KubeApi is { } kubeApi ? new KubeApiServer(kubeApi, options.Time, _logs.CreateLogger("Switchyard.KubeApi")) : null;
        _sources = BuildSources(options);
        // Files edited by hand show up in the config API after the file source's round.
        if (_kubeApi is not null && _sources.Count > 0) _sources[0].Reloaded += _ => _kubeApi.Sync();
        Feed = new ConfigFeed(_sources, new MeshUpdater(State, Admin, translation, _logger), _logger);

        _accessLog = options.AccessLog == AccessLogFormat.Off ? null : new AccessLogWriter(options.AccessLogOutput ?? Console.Out, options.AccessLog);

        // Every connection is a file: raise the soft limit to the hard one now; the cap below it
        // (Envoy's overload manager) is fixed once the listeners run (SetConnectionCap).
        _files = FileLimit.RaiseSoftToHard();
        _connectionLimit = new DownstreamConnectionLimit(options.MaxConnections ?? 100_000, _logger);
        Admin.Overloaded = () => _connectionLimit.AtCap;
        // Request metrics are counted only where something can read them: the admin API.
        Admin.Listeners = () => _listeners.Select(l => (l.Name, l.Uri)).ToList();
        _tracing = options.OtlpEndpoint is { } otlp ? Telemetry.Tracing.OtlpTracing.Start(otlp) : null;
        if (options.Admin is not null) Admin.Metrics = new IstioMetrics(options.Time, SourceIdentity.From(options.Namespace, options.WorkloadLabels));
    }

    /// <summary>Sets the default cap from the files open now that the runtime has loaded what
    /// serving needs, unless <see cref="SwitchyardHostOptions.MaxConnections"/> set one; logs it.</summary>
    private void SetConnectionCap()
    {
        var open = FileLimit.OpenFiles();
        if (Options.MaxConnections is null) _connectionLimit.Max = DefaultMaxConnections(_files?.After, open);
        Log.ConnectionLimitSet(_logger, _connectionLimit.Max, _files is { } f ? f.After.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown", open);
    }

    /// <summary>The outbound listener's connection cap and what it has shed and refused.</summary>
    public DownstreamConnectionLimit Connections => _connectionLimit;

    public SwitchyardHostOptions Options { get; }

    /// <summary>The one snapshot root the request path reads.</summary>
    public ProxyStateHolder State { get; }

    /// <summary>What the admin API shows besides the snapshot (what the sources rejected).</summary>
    public AdminData Admin { get; } = new();

    /// <summary>Every source the host follows, files first, in the order their resources are merged.</summary>
    public IReadOnlyList<IConfigSource> Sources => _sources;

    /// <summary>The outbound listener's bound address.</summary>
    public Uri ProxyUri => Listener("outbound")!.Uri;

    /// <summary>The config API's bound address; null without one.</summary>
    public Uri? KubeApiUri => Listener("kube-api")?.Uri;

    /// <summary>The config API; null without one.</summary>
    public KubeApiServer? KubeApi => _kubeApi;

    /// <summary>The admin listener's bound address; null without one.</summary>
    public Uri? AdminUri => Listener("admin")?.Uri;

    private ConfigFeed Feed { get; }

    /// <summary>Loads the config, publishes the first snapshot, starts the listeners.</summary>
    public static async Task<SwitchyardHost> StartAsync(SwitchyardHostOptions options, CancellationToken cancellationToken = default)
    {
        var host = new SwitchyardHost(options);
        try
        {
            host.Feed.Start();
            foreach (var registration in host.Registrations()) await host.StartListenerAsync(registration, cancellationToken).ConfigureAwait(false);
            host.SetConnectionCap();
            host._started = true;
            return host;
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The config sources: one registration per kind (files today; the Kubernetes API and xDS next).</summary>
    private List<IConfigSource> BuildSources(SwitchyardHostOptions options)
    {
        var sources = new List<IConfigSource>();
        var files = options.ConfigFiles;
        // The config API stores what it admits in its directory; the file source applies it.
        if (options.KubeApi is { } kubeApi && !files.Any(f => Path.GetFullPath(f) == Path.GetFullPath(kubeApi.Directory))) files = [.. files, kubeApi.Directory];
        if (files.Count > 0)
        {
            // The source logs its rounds: what it loaded, every rejection on every round, read failures.
            sources.Add(new FileSource(files, new LoadOptions { DefaultNamespace = options.Namespace, MaxFileBytes = options.MaxFileBytes }, options.Time,
                FileSource.DefaultDebounce, _logs.CreateLogger("Switchyard.Sources")));
        }
        sources.AddRange(options.Sources);
        return sources;
    }

    /// <summary>The listeners: one registration per kind (inbound and gateway listeners go here).</summary>
    private IEnumerable<ListenerRegistration> Registrations()
    {
        yield return new ListenerRegistration("outbound", Options.Listen, HttpProtocols.Http1AndHttp2, MapOutbound, _connectionLimit, Options.Limits);
        if (Options.Admin is { } admin) yield return new ListenerRegistration("admin", admin, HttpProtocols.Http1, app => AdminEndpoints.Map(app, State, Admin));
        if (_kubeApi is not null) yield return new ListenerRegistration("kube-api", _kubeApi.Options.Listen, HttpProtocols.Http1, _kubeApi.Map, Certificate: _kubeApi.Certificate());
    }

    private void MapOutbound(WebApplication app)
    {
        var forwarder = app.Services.GetRequiredService<IHttpForwarder>();
        var handler = new ProxyHandler(State, forwarder, Options.Random, Options.Time, Options.Listen.Port, OnOutcome(_accessLog, Options.OnOutcome), Admin.Metrics);
        // Each request marks its connection busy (ProxyHandler, in its finally), so that idle
        // connections are the ones shed at the cap.
        app.Run(handler.HandleAsync);
    }

    private async Task StartListenerAsync(ListenerRegistration registration, CancellationToken ct)
    {
        KestrelListener listener;
        try
        {
            listener = await KestrelListener.StartAsync(registration, Options.Time, _logs, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (BindFailure(ex) is { } reason)
        {
            // The caller says it in one line (run: "error: cannot listen on ...", exit 2).
            throw new ListenerBindException(registration.Name, registration.Endpoint.ToString(), reason, ex);
        }
        catch (Exception ex)
        {
            Log.ListenerFailed(_logger, registration.Name, registration.Endpoint.ToString(), ex);
            throw;
        }
        _listeners.Add(listener);
        if (registration.Name == "kube-api")
        {
            _kubeApi!.Started(listener.Uri);
            return;
        }
        if (registration.Name != "admin")
        {
            Log.ListenerStarted(_logger, registration.Name, listener.Uri);
            return;
        }
        Log.AdminStarted(_logger, listener.Uri);
        // The admin API shows every route, cluster and endpoint: Envoy's docs warn never to
        // expose it; Istio binds it to localhost.
        if (!IPAddress.IsLoopback(registration.Endpoint.Address)) Log.AdminNotLoopback(_logger, listener.Uri);
    }

    /// <summary>Why a listener could not bind, in words, or null when the failure was something else.</summary>
    private static string? BindFailure(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is AddressInUseException) return "address already in use";
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.AddressAlreadyInUse => "address already in use",
                    SocketError.AccessDenied => "permission denied",
                    SocketError.AddressNotAvailable => "address not available on this host",
                    _ => null,
                };
            }
        }
        return null;
    }

    private KestrelListener? Listener(string name)
    {
        foreach (var l in _listeners)
            if (l.Name == name) return l;
        return null;
    }

    private static Action<RequestOutcome>? OnOutcome(AccessLogWriter? accessLog, Action<RequestOutcome>? onOutcome)
    {
        if (accessLog is null) return onOutcome;
        if (onOutcome is null) return accessLog.Write;
        return outcome =>
        {
            accessLog.Write(outcome);
            onOutcome(outcome);
        };
    }

    /// <summary>Stops the listeners (requests in flight finish), then the sources, then drains the access log.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        // A start that failed says why itself (a port in use is one line); it did not run, so it does not shut down.
        if (_started) Log.ShuttingDown(_logger);
        // Envoy's drain: from now on /ready says DRAINING (503), so load balancers and kubelet
        // stop sending; the outbound listener goes first and the admin API answers while it drains.
        Admin.Draining = true;
        // Watches on the config API end now; the listener would otherwise wait for them.
        _kubeApi?.Stop();
        foreach (var listener in _listeners)
            await StepAsync($"stopping the {listener.Name} listener", listener.DisposeAsync).ConfigureAwait(false);
        foreach (var source in _sources)
            await StepAsync($"closing source {source.Name}", () => { source.Dispose(); return ValueTask.CompletedTask; }).ConfigureAwait(false);
        _kubeApi?.Dispose();
        if (_accessLog is not null) await StepAsync("flushing the access log", _accessLog.DisposeAsync).ConfigureAwait(false);
        if (_tracing is not null) await StepAsync("flushing the trace exporter", () => { _tracing.Dispose(); return ValueTask.CompletedTask; }).ConfigureAwait(false);
        if (_ownsLogs) _logs.Dispose();
    }

    private async Task StepAsync(string step, Func<ValueTask> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.ShutdownStepFailed(_logger, step, ex);
        }
    }
}
