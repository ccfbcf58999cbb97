using Microsoft.Extensions.Logging;
using Switchyard.Diagnostics;
using Switchyard.Proxy.Admin;
using Switchyard.Proxy.Runtime;
using Switchyard.Registry;
using Switchyard.Sources;
using Switchyard.Translation;

namespace Switchyard.Proxy.Hosting;

/// <summary>
/// Turns admitted configuration into a live snapshot: registry → translation → one publish.
/// Translation is pure and never throws on a user's mistake; what it left out is logged and
/// shown on the admin API beside what the sources rejected.
/// </summary>
internal sealed class MeshUpdater(ProxyStateHolder state, AdminData admin, TranslationOptions options, ILogger logger)
{
    /// <summary>What translation left out of the snapshot now serving.</summary>
    public IReadOnlyList<Diagnostic> LiveDiagnostics => state.Current.Snapshot.Diagnostics;

    public MeshSnapshot Apply(ConfigSet set)
    {
        var started = state.Time.GetTimestamp();
        var snapshot = MeshTranslator.Translate(set.Resources, ServiceRegistry.Build(set.Resources), options, set.Version);
        state.Apply(snapshot);
        admin.Reloads.Record(state.Time.GetElapsedTime(started));
        admin.Rejected = [.. set.Rejected, .. snapshot.Diagnostics];
        Log.SnapshotApplied(logger, set.Version, set.Resources.Count, snapshot.VirtualHosts.Count, snapshot.Clusters.Count);
        if (logger.IsEnabled(LogLevel.Warning))
            foreach (var d in snapshot.Diagnostics) Log.TranslationDiagnostic(logger, DiagnosticFormatter.FormatValidateLine(d));
        return snapshot;
    }

    /// <summary>A round that published nothing new (a refused edit) still updates what the admin
    /// API lists as rejected; what translation left out of the live snapshot stays beside it.</summary>
    public void ShowRejected(IReadOnlyList<Diagnostic> rejected) => admin.Rejected = [.. rejected, .. LiveDiagnostics];
}
