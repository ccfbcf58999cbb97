using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Diagnostics;
using Switchyard.Loading;

namespace Switchyard.Sources.Kubernetes;

/// <summary>
/// Configuration from a Kubernetes API server (a real cluster, or Switchyard's own config API):
/// a <see cref="KindWatcher"/> per kind lists and watches it; every change pokes a debouncer
/// (100 ms, at most 1 s, as <see cref="Debouncer"/> runs it), so a burst of changes becomes one
/// round. A round admits object by object through the same <see cref="ConfigAdmission"/> as a
/// file round (each object is read as a file holding only it): a bad object is reported and
/// skipped, its last good version stays, the rest applies. While the server is unreachable
/// nothing is published and the last good set keeps serving.
/// </summary>
public sealed class KubernetesSource : IConfigSource, IObjectSink
{
    public static readonly TimeSpan DefaultDebounce = TimeSpan.FromMilliseconds(100);

    private readonly ClusterConnection _connection;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Debouncer _debouncer;
    private readonly List<KindWatcher> _watchers;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _objectsGate = new();
    private readonly Lock _roundGate = new();
    private readonly Dictionary<string, string> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Json, FileRead Read)> _reads = new(StringComparer.Ordinal);
    private IReadOnlyList<AdmittedResource>? _admitted;
    private ConfigSet _current = ConfigSet.Empty;
    private Task[] _running = [];

    public KubernetesSource(ClusterConnection connection, TimeProvider? time = null, ILogger? logger = null, TimeSpan? debounce = null,
        IReadOnlyList<WatchedKind>? kinds = null)
    {
        _connection = connection;
        _time = time ?? TimeProvider.System;
        _logger = new GuardedLogger(logger ?? NullLogger.Instance);
        _debouncer = new Debouncer(_time, debounce ?? DefaultDebounce, RoundFromTimer);
        _watchers = (kinds ?? WatchedKind.All).Select(k => new KindWatcher(connection, k, this, _time, _logger, Name)).ToList();
    }

    public string Name => "kubernetes";

    public ConfigSet Current => Volatile.Read(ref _current);

    /// <summary>The number of rounds that published a new version (a burst of changes should be few).</summary>
    public int Rounds { get; private set; }

    public event Action<ConfigSet>? Changed;

    public event Action<ConfigSet>? Reloaded;

    /// <summary>Lists every kind now and publishes; a kind whose list fails is listed again by its watcher after Start.</summary>
    public ConfigSet LoadNow()
    {
        foreach (var w in _watchers)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(30));
                w.ListAsync(timeout.Token).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is HttpRequestException or IOException or System.Text.Json.JsonException or OperationCanceledException)
            {
                Log.WatchFailed(_logger, Name, "list", e.GetType().Name, e.Message, TimeSpan.Zero);
            }
        }
        return Round();
    }

    public void Start()
    {
        if (_running.Length > 0) return;
        _running = _watchers.Select(w => Task.Run(() => w.RunAsync(_stopping.Token))).ToArray();
    }

    void IObjectSink.Replace(WatchedKind kind, IReadOnlyList<JsonObject> objects)
    {
        var prefix = kind.Kind + "/";
        lock (_objectsGate)
        {
            var fresh = objects.ToDictionary(o => KindWatcher.Key(kind, o), o => o.ToJsonString(), StringComparer.Ordinal);
            var changed = false;
            foreach (var key in _objects.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && !fresh.ContainsKey(k)).ToList())
                changed |= _objects.Remove(key);
            foreach (var (key, json) in fresh) changed |= Set(key, json);
            if (changed) _debouncer.Poke();
        }
    }

    void IObjectSink.Upsert(WatchedKind kind, JsonObject obj)
    {
        lock (_objectsGate)
            if (Set(KindWatcher.Key(kind, obj), obj.ToJsonString())) _debouncer.Poke();
    }

    void IObjectSink.Remove(WatchedKind kind, JsonObject obj)
    {
        lock (_objectsGate)
            if (_objects.Remove(KindWatcher.Key(kind, obj))) _debouncer.Poke();
    }

    /// <summary>True when the object is new or its content changed (resourceVersion aside, a bookmark-like no-op is no change).</summary>
    private bool Set(string key, string json)
    {
        if (_objects.TryGetValue(key, out var old) && old == json) return false;
        _objects[key] = json;
        return true;
    }

    /// <summary>A timer callback: nothing may escape it. A failed round publishes nothing; the next change retries.</summary>
    private void RoundFromTimer()
    {
        try
        {
            Round();
        }
        catch (Exception e) when (!_stopping.IsCancellationRequested)
        {
            Log.WatchFailed(_logger, Name, "round", e.GetType().Name, e.Message, TimeSpan.Zero);
        }
    }

    /// <summary>How many objects the watches hold now (tests wait for a burst to arrive).</summary>
    internal int ObjectCount { get { lock (_objectsGate) return _objects.Count; } }

    /// <summary>How many objects the watches hold whose JSON contains <paramref name="text"/>.</summary>
    internal int ObjectsWith(string text)
    {
        lock (_objectsGate) return _objects.Values.Count(json => json.Contains(text, StringComparison.Ordinal));
    }

    private ConfigSet Round()
    {
        lock (_roundGate)
        {
            if (_stopping.IsCancellationRequested) return Current;
            Dictionary<string, string> snapshot;
            lock (_objectsGate) snapshot = new Dictionary<string, string>(_objects, StringComparer.Ordinal);
            var reads = new List<FileRead>(snapshot.Count);
            foreach (var (key, json) in snapshot.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!_reads.TryGetValue(key, out var cached) || cached.Json != json)
                    _reads[key] = cached = (json, new FileRead(key, ConfigLoader.LoadText(json, key), null, json));
                reads.Add(cached.Read);
            }
            foreach (var gone in _reads.Keys.Where(k => !snapshot.ContainsKey(k)).ToList()) _reads.Remove(gone);

            var result = ConfigAdmission.Admit(_admitted ?? [], reads, []);
            var previous = Current;
            var changed = !result.SameAdmittedAs(_admitted);
            var next = new ConfigSet(changed ? previous.Version + 1 : previous.Version,
                changed ? result.Admitted.Select(a => a.Resource).ToList() : previous.Resources, result.Rejected, [], result.Warnings);
            _admitted = result.Admitted;
            Volatile.Write(ref _current, next);
            if (changed) Rounds++;
            Log.Round(_logger, Name, next.Version, next.Resources.Count, changed);
            foreach (var d in DiagnosticFormatter.Sorted(next.Rejected))
            {
                var level = d.Severity == Severity.Error ? LogLevel.Warning : LogLevel.Information;
                if (_logger.IsEnabled(level)) Sources.Log.ResourceRejected(_logger, level, Name, DiagnosticFormatter.FormatValidateLine(d));
            }
            if (changed) Changed?.Invoke(next);
            Reloaded?.Invoke(next);
            return next;
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _debouncer.Dispose();
        try
        {
            Task.WaitAll(_running, TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Cancelled watches end with OperationCanceledException.
        }
        _connection.Dispose();
    }
}
