using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Model;

namespace Switchyard.Sources;

/// <summary>
/// Configuration from files and directories (recursive: *.yaml, *.yml, *.json), hot-reloaded.
/// Every reload re-reads all paths and admits resource by resource (see
/// <see cref="ConfigAdmission"/>); the result is published as one immutable <see cref="ConfigSet"/>.
/// Events on the file system are debounced, so an editor's save or a checkout is one reload.
/// </summary>
public sealed class FileSource : IConfigSource
{
    public static readonly TimeSpan DefaultDebounce = TimeSpan.FromMilliseconds(200);

    private readonly IReadOnlyList<string> _paths;
    private readonly LoadOptions _options;
    private readonly Action<Diagnostic>? _log;
    private readonly Debouncer _debouncer;
    private readonly Lock _reloadGate = new();
    private IReadOnlyList<AdmittedResource>? _admitted;
    private ConfigSet _current = ConfigSet.Empty;
    private PathWatcher? _watcher;
    private bool _disposed;

    public FileSource(IReadOnlyList<string> paths, LoadOptions options, TimeProvider time, TimeSpan debounce, Action<Diagnostic>? log = null)
    {
        _paths = paths;
        _options = options;
        _log = log;
        _debouncer = new Debouncer(time, debounce, ReloadFromWatcher);
    }

    public string Name => "files";

    /// <summary>The latest published set; <see cref="ConfigSet.Empty"/> before the first load.</summary>
    public ConfigSet Current => Volatile.Read(ref _current);

    /// <summary>Raised after a reload that changed the admitted resources (a new <see cref="ConfigSet.Version"/>).</summary>
    public event Action<ConfigSet>? Changed;

    /// <summary>
    /// Raised after every reload, changed or not (a rejected edit, a rewrite of the same text):
    /// for logs, the admin view of rejections, and tests that need to know a reload happened.
    /// </summary>
    public event Action<ConfigSet>? Reloaded;

    /// <summary>Reads everything now, synchronously, and publishes the result.</summary>
    public ConfigSet LoadNow()
    {
        lock (_reloadGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Reload();
        }
    }

    /// <summary>Starts watching the paths. Call <see cref="LoadNow"/> first for the initial set.</summary>
    public void Start()
    {
        lock (_reloadGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _watcher ??= new PathWatcher(_paths, _debouncer.Poke, Log);
        }
    }

    private void ReloadFromWatcher()
    {
        // A timer callback: nothing may escape it, or the process dies.
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
            Log(Diagnostic.Error($"reload failed: {ex.GetType().Name}: {ex.Message}", SourceSpan.None));
        }
    }

    private ConfigSet Reload()
    {
        var inputErrors = new List<Diagnostic>();
        var reads = SourceFiles.ReadAll(_paths, _options, inputErrors);
        var result = ConfigAdmission.Admit(_admitted ?? [], reads, inputErrors);
        var previous = Current;
        var changed = !result.SameAdmittedAs(_admitted);
        var resources = changed ? result.Admitted.Select(a => a.Resource).ToList() : previous.Resources;
        var next = new ConfigSet(changed ? previous.Version + 1 : previous.Version, resources, result.Rejected,
            reads.Select(r => r.File).ToList(), result.Warnings);
        // Always keep the latest attribution (which file answers for which resource), even
        // when the content, and so the published set, is the same.
        _admitted = result.Admitted;
        Volatile.Write(ref _current, next);

        // Log each problem once, when it appears, not on every reload while it persists.
        var known = new HashSet<Diagnostic>(previous.Rejected);
        foreach (var d in next.Rejected)
            if (!known.Contains(d)) Log(d);

        // Raised under the reload lock, so subscribers see sets in version order.
        if (changed) Raise(Changed, next);
        Raise(Reloaded, next);
        return next;
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
                Log(Diagnostic.Error($"a config subscriber failed: {ex.GetType().Name}: {ex.Message}", SourceSpan.None));
            }
        }
    }

    private void Log(Diagnostic diagnostic)
    {
        try
        {
            _log?.Invoke(diagnostic);
        }
        catch (Exception)
        {
            // A failing logger must not stop reloads.
        }
    }

    public void Dispose()
    {
        lock (_reloadGate)
        {
            if (_disposed) return;
            _disposed = true;
            _watcher?.Dispose();
        }
        _debouncer.Dispose();
    }
}
