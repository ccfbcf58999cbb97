using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Diagnostics;
using Switchyard.Loading;

namespace Switchyard.Sources;

/// <summary>
/// Configuration from files and directories (recursive, see <see cref="ConfigFiles"/>),
/// hot-reloaded. Every round re-reads all paths and admits resource by resource (see
/// <see cref="ConfigAdmission"/>); the result is published as one immutable <see cref="ConfigSet"/>.
/// File system events are debounced, so an editor's save or a checkout is one round. A round that
/// cannot list or read (EMFILE, EACCES) publishes nothing and is retried; a file that loses its
/// resources is believed only once it has stayed that way for a debounce period (see
/// <see cref="UnsettledFiles"/>). Either way the last good set keeps serving.
/// </summary>
public sealed class FileSource : IConfigSource
{
    public static readonly TimeSpan DefaultDebounce = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between retries of a round that failed to read.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly IReadOnlyList<string> _paths;
    private readonly LoadOptions _options;
    private readonly IConfigFileSystem _fs;
    private readonly TimeSpan _debounce;
    private readonly ILogger _logger;
    private readonly Debouncer _debouncer;
    private readonly ITimer _retry;
    private readonly UnsettledFiles _unsettled;
    private readonly Lock _reloadGate = new();
    // Cancelled by Dispose, which does not take the reload lock: a round in progress is
    // abandoned between files instead of holding shutdown for seconds (a 50 MB config took
    // 11.6 s to stop). Never disposed: a round may still read its token after Dispose.
    private readonly CancellationTokenSource _stopping = new();
    private IReadOnlyList<AdmittedResource>? _admitted;
    private ConfigSet _current = ConfigSet.Empty;
    private PathWatcher? _watcher;
    private int _failures;
    private volatile bool _disposed;
    private int _disposeOnce;

    public FileSource(IReadOnlyList<string> paths, LoadOptions options, TimeProvider time, TimeSpan debounce, ILogger? logger = null)
        : this(paths, options, time, debounce, logger, PhysicalConfigFileSystem.Instance)
    {
    }

    internal FileSource(IReadOnlyList<string> paths, LoadOptions options, TimeProvider time, TimeSpan debounce, ILogger? logger, IConfigFileSystem fs)
    {
        _paths = paths;
        _options = options;
        _fs = fs;
        _debounce = debounce < TimeSpan.Zero ? TimeSpan.Zero : debounce;
        _logger = new GuardedLogger(logger ?? NullLogger.Instance);
        _debouncer = new Debouncer(time, _debounce, ReloadFromTimer);
        _retry = time.CreateTimer(_ => ReloadFromTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _unsettled = new UnsettledFiles(time, _debounce);
    }

    public string Name => "files";

    /// <summary>The latest published set; <see cref="ConfigSet.Empty"/> before the first load.</summary>
    public ConfigSet Current => Volatile.Read(ref _current);

    /// <summary>Raised after a reload that changed the admitted resources (a new <see cref="ConfigSet.Version"/>).</summary>
    public event Action<ConfigSet>? Changed;

    /// <summary>
    /// Raised after every round that read the files, changed or not (a rejected edit, a rewrite of
    /// the same text): for the admin view of rejections, and tests that need to know a round
    /// happened. Not raised for a round that failed to read: nothing was published.
    /// </summary>
    public event Action<ConfigSet>? Reloaded;

    /// <summary>
    /// Reads everything now, synchronously, and publishes the result. If the files cannot be
    /// listed or read, logs why, schedules a retry and returns the last good set (at first,
    /// <see cref="ConfigSet.Empty"/>).
    /// </summary>
    public ConfigSet LoadNow()
    {
        lock (_reloadGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Reload();
        }
    }

    /// <summary>
    /// Starts watching the paths. Call <see cref="LoadNow"/> first for the initial set. The first
    /// round after the watcher exists re-reads everything, so an edit made between that load and
    /// this call, which no watcher saw, is not missed.
    /// </summary>
    public void Start()
    {
        lock (_reloadGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_watcher is not null) return;
            _watcher = new PathWatcher(_paths, _debouncer.Poke, _logger, Name);
            // Dispose does not take this lock; a watcher made while it ran must not outlive it.
            if (_disposed) Interlocked.Exchange(ref _watcher, null)?.Dispose();
        }
        _debouncer.Poke();
    }

    private void ReloadFromTimer()
    {
        // A timer callback: nothing may escape it, or the process dies. A bug here is logged as a
        // failed round and retried like an I/O error; the last good set keeps serving.
        try
        {
            lock (_reloadGate)
            {
                if (_disposed) return;
                Reload();
            }
        }
        catch (Exception ex)
        {
            // Shutting down (a timer disposed under the round): nothing to retry, nobody to tell.
            if (_disposed) return;
            lock (_reloadGate) Fail(new ReadFailure(string.Join(", ", _paths), "reload", ex));
        }
    }

    private ConfigSet Reload()
    {
        try
        {
            return Reload(_stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            Log.ReloadAbandoned(_logger, Name, Current.Version);
            return Current;
        }
    }

    private ConfigSet Reload(CancellationToken cancel)
    {
        var read = SourceFiles.ReadAll(_paths, _options, _fs, allowStdin: false, cancel);
        if (read.Failure is { } failure)
        {
            Fail(failure);
            return Current;
        }
        _failures = 0;
        if (!_disposed) _retry.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        var previous = Current;
        var files = _unsettled.Settle(_admitted ?? [], read.Files, previous.Files, out var held);
        var result = ConfigAdmission.Admit(_admitted ?? [], files, read.InputErrors, read.Warnings, cancel);
        // Nothing is published once Dispose has begun: its subscribers may be gone.
        cancel.ThrowIfCancellationRequested();
        var changed = !result.SameAdmittedAs(_admitted);
        var resources = changed ? result.Admitted.Select(a => a.Resource).ToList() : previous.Resources;
        var next = new ConfigSet(changed ? previous.Version + 1 : previous.Version, resources, result.Rejected,
            files.Select(r => r.File).ToList(), result.Warnings);
        // Always keep the latest attribution (which file answers for which resource), even
        // when the content, and so the published set, is the same.
        _admitted = result.Admitted;
        Volatile.Write(ref _current, next);

        LogRound(previous, next, changed, held);
        // One more round after the settle period decides whether a held file's loss is real.
        if (held.Count > 0) _debouncer.Poke();

        // Raised under the reload lock, so subscribers see sets in version order.
        if (changed) Raise(Changed, next);
        Raise(Reloaded, next);
        return next;
    }

    private void Fail(ReadFailure failure)
    {
        // Back off while the cause lasts (a permission that stays wrong), from one debounce
        // period up to MaxRetryDelay; file events still trigger rounds in between.
        _failures++;
        var step = _debounce > TimeSpan.Zero ? _debounce : DefaultDebounce;
        var delay = TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, step.Ticks << Math.Min(_failures - 1, 20)));
        Log.ReloadFailed(_logger, Name, failure.Operation, failure.Path, failure.Error.GetType().Name, failure.Error.Message,
            Current.Version, delay, failure.Error);
        if (!_disposed) _retry.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private void LogRound(ConfigSet previous, ConfigSet next, bool changed, List<HeldFile> held)
    {
        if (!changed) Log.ConfigUnchanged(_logger, Name, next.Version, next.Resources.Count, next.Files.Count);
        else if (previous.Version == 0) Log.ConfigLoaded(_logger, Name, next.Version, next.Resources.Count, next.Files.Count);
        else Log.ConfigReloaded(_logger, Name, next.Version, next.Resources.Count, next.Files.Count);
        if (_logger.IsEnabled(LogLevel.Debug)) Log.ConfigFilesRead(_logger, Name, string.Join(", ", next.Files));

        var notes = new HashSet<Diagnostic>(ReferenceEqualityComparer.Instance);
        foreach (var h in held)
        {
            notes.Add(h.Note);
            Log.FileHeldBack(_logger, Name, h.File, h.Reason, h.Resources, _debounce);
        }
        // Every rejection on every round, not only new ones (see Log).
        foreach (var d in next.Rejected)
        {
            if (notes.Contains(d)) continue;
            var level = d.Severity == Severity.Error ? LogLevel.Warning : LogLevel.Information;
            if (_logger.IsEnabled(level)) Log.ResourceRejected(_logger, level, Name, DiagnosticFormatter.FormatValidateLine(d));
        }
        if (_logger.IsEnabled(LogLevel.Warning))
            foreach (var d in next.Warnings) Log.ConfigWarning(_logger, Name, DiagnosticFormatter.FormatValidateLine(d));
    }

    private void Raise(Action<ConfigSet>? handlers, ConfigSet set)
    {
        if (handlers is null) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Action<ConfigSet>>())
        {
            try
            {
                handler(set);
            }
            catch (Exception ex)
            {
                // One failing consumer must not keep the set from the others.
                Log.SubscriberFailed(_logger, Name, set.Version, ex.GetType().Name, ex.Message, ex);
            }
        }
    }

    /// <summary>
    /// Stops watching and retrying, and returns at once: a round in progress is not waited for.
    /// It stops before its next file (or its next file's admission) and publishes nothing.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposeOnce, 1) != 0) return;
        _disposed = true;
        _stopping.Cancel();
        Interlocked.Exchange(ref _watcher, null)?.Dispose();
        _debouncer.Dispose();
        _retry.Dispose();
    }
}
