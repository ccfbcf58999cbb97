using Microsoft.Extensions.Logging;
using Switchyard.Diagnostics;
using Switchyard.Model;
using Switchyard.Sources;

namespace Switchyard.Proxy.Hosting;

/// <summary>
/// Follows the host's config sources and publishes the union of their latest sets as one
/// snapshot: load every source once, apply, then follow their changes. Each source logs its own
/// rounds and rejections (named, with file:line); a round that changed nothing (a refused edit)
/// still refreshes the admin view, so a rejection is listed as long as it stands.
/// A snapshot that fails to build leaves the last good one serving, and says so in the log.
/// </summary>
internal sealed class ConfigFeed(IReadOnlyList<IConfigSource> sources, MeshUpdater updater, ILogger logger)
{
    private readonly Lock _gate = new();
    private long _applied;

    /// <summary>Loads every source, publishes the first snapshot, then starts following them.</summary>
    public void Start()
    {
        foreach (var source in sources) source.LoadNow();
        lock (_gate)
        {
            ApplyUnion("startup");
            updater.ShowRejected(AllRejected());
        }
        foreach (var source in sources)
        {
            source.Changed += OnChanged;
            source.Reloaded += OnReloaded;
        }
        // The source catches up on anything that changed since its LoadNow (IConfigSource.Start).
        foreach (var source in sources) source.Start();
    }

    private void OnChanged(ConfigSet set)
    {
        lock (_gate) ApplyUnion(NameOf(set));
    }

    private void OnReloaded(ConfigSet set)
    {
        lock (_gate) updater.ShowRejected(AllRejected());
    }

    /// <summary>
    /// One snapshot from every source's current set. Its version is the sum of the sources'
    /// versions: each only rises, so the sum does too, and with one source it is that source's.
    /// </summary>
    private void ApplyUnion(string trigger)
    {
        long version = 0;
        try
        {
            var resources = new List<Resource>();
            var files = new List<string>();
            var warnings = new List<Diagnostic>();
            foreach (var source in sources)
            {
                var set = source.Current;
                version += set.Version;
                resources.AddRange(set.Resources);
                files.AddRange(set.Files);
                warnings.AddRange(set.Warnings);
            }
            // Version 0 is "nothing loaded yet" (admin /ready stays PRE_INITIALIZING); a version
            // already live was applied by an earlier event of the same round.
            if (version == 0 || version == _applied) return;
            updater.Apply(new ConfigSet(version, resources, AllRejected(), files, warnings));
            _applied = version;
        }
        catch (Exception ex)
        {
            Log.SnapshotFailed(logger, version, trigger, ex);
        }
    }

    private List<Diagnostic> AllRejected()
    {
        var rejected = new List<Diagnostic>();
        foreach (var source in sources) rejected.AddRange(source.Current.Rejected);
        return rejected;
    }

    private string NameOf(ConfigSet set)
    {
        foreach (var source in sources)
            if (ReferenceEquals(source.Current, set)) return source.Name;
        return "a source";
    }
}
