using Switchyard.Loading;
using Switchyard.Registry;
using Switchyard.Sources;
using Switchyard.Translation;

namespace Switchyard.Explain;

/// <summary>What a proxy would serve for a config directory, built without starting one: the same
/// pipeline (listing, loading, admission), registry and translation as <c>run</c>, so
/// <c>explain</c> and <c>proxy-config -f</c> see the snapshot the proxy would publish.</summary>
public sealed record OfflineMesh(ConfigLoad Load, ServiceRegistry Registry, MeshSnapshot Snapshot)
{
    public static OfflineMesh Read(IReadOnlyList<string> paths, string ns, IReadOnlyDictionary<string, string>? workloadLabels = null)
    {
        var load = ConfigPipeline.Read(paths, new LoadOptions { DefaultNamespace = ns });
        var resources = load.Set.Resources;
        var registry = ServiceRegistry.Build(resources);
        var options = new TranslationOptions { ProxyNamespace = ns, WorkloadLabels = workloadLabels ?? new Dictionary<string, string>() };
        return new OfflineMesh(load, registry, MeshTranslator.Translate(resources, registry, options, 1));
    }
}
