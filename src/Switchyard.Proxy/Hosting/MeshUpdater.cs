using Switchyard.Diagnostics;
using Switchyard.Model;
using Switchyard.Proxy.Admin;
using Switchyard.Proxy.Runtime;
using Switchyard.Registry;
using Switchyard.Translation;

namespace Switchyard.Proxy.Hosting;

/// <summary>
/// Turns admitted configuration into a live snapshot: registry → translation → one publish.
/// Translation is pure and never throws on a user's mistake; what it left out is shown on the
/// admin API beside what the source rejected.
/// </summary>
public sealed class MeshUpdater(ProxyStateHolder state, AdminData admin, TranslationOptions options)
{
    public AdminData Admin => admin;

    /// <summary>What translation left out of the snapshot now serving.</summary>
    public IReadOnlyList<Diagnostic> LiveDiagnostics => state.Current.Snapshot.Diagnostics;

    public MeshSnapshot Apply(IReadOnlyList<Resource> resources, long version, IReadOnlyList<Diagnostic> rejected)
    {
        var snapshot = MeshTranslator.Translate(resources, ServiceRegistry.Build(resources), options, version);
        state.Apply(snapshot);
        admin.Rejected = [.. rejected, .. snapshot.Diagnostics];
        return snapshot;
    }
}
