using Switchyard.Loading;
using Switchyard.Sources;

namespace Switchyard.Proxy.Hosting;

/// <summary>
/// Files → admitted ConfigSet → live snapshot, and again on every change: the hot-reload loop
/// of <c>switchyard run</c>. A rejected edit leaves the last good snapshot serving.
/// </summary>
public sealed class FileConfigLoop : IDisposable
{
    private readonly FileSource _source;
    private readonly MeshUpdater _updater;
    private readonly Action<ConfigSet>? _onApplied;

    public FileConfigLoop(IReadOnlyList<string> paths, LoadOptions options, MeshUpdater updater, TimeProvider time, Action<ConfigSet>? onApplied = null)
    {
        _source = new FileSource(paths, options, time, FileSource.DefaultDebounce);
        _updater = updater;
        _onApplied = onApplied;
    }

    /// <summary>The source, for tests and admin views (its Reloaded event fires on every round).</summary>
    public FileSource Source => _source;

    /// <summary>Loads once, publishes the snapshot, then watches the files.</summary>
    public ConfigSet Start()
    {
        var initial = _source.LoadNow();
        Apply(initial);
        _source.Changed += Apply;
        // A round that changed nothing (e.g. a refused edit) still updates what the admin API shows
        // as rejected; what translation left out of the live snapshot stays listed beside it.
        _source.Reloaded += set =>
        {
            if (set.Version == _lastApplied) _updater.Admin.Rejected = [.. set.Rejected, .. _updater.LiveDiagnostics];
        };
        _source.Start();
        return initial;
    }

    private long _lastApplied;

    private void Apply(ConfigSet set)
    {
        _updater.Apply(set.Resources, set.Version, set.Rejected);
        _lastApplied = set.Version;
        _onApplied?.Invoke(set);
    }

    public void Dispose() => _source.Dispose();
}
