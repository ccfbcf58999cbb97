using Switchyard.Model;
using Switchyard.Model.Networking;
using Switchyard.Registry;
using Switchyard.Translation.Normalize;

namespace Switchyard.Translation;

/// <summary>
/// The pure function (resources, registry) → snapshot, for one sidecar (its namespace and
/// labels). VirtualServices are taken in Istio's order (creation time, then namespace, name),
/// so the same input always gives the same snapshot.
/// </summary>
public static class MeshTranslator
{
    public static MeshSnapshot Translate(IReadOnlyList<Resource> resources, ServiceRegistry registry, TranslationOptions options, long version)
    {
        // A sidecar knows only the services exported to its namespace (Service annotation or
        // ServiceEntry exportTo): no default route to the others, and a route to one finds no cluster.
        registry = registry.Where(s => ExportScope.IsVisible(s.ExportTo, s.Namespace, options.ProxyNamespace));
        var rules = new DestinationRuleIndex(resources.OfType<DestinationRule>());
        var ctx = new TranslationContext(registry, options, rules);
        var hosts = new VirtualHostBuilder(ctx);

        var virtualServices = resources.OfType<VirtualService>()
            .Where(vs => VirtualHostBuilder.BoundToMesh(vs) && ExportScope.IsVisible(vs.Spec.ExportTo, vs.Namespace, options.ProxyNamespace))
            .OrderBy(vs => vs.Metadata.CreationTimestamp ?? "", StringComparer.Ordinal)
            .ThenBy(vs => vs.Namespace, StringComparer.Ordinal)
            .ThenBy(vs => vs.Name, StringComparer.Ordinal);
        foreach (var vs in virtualServices) hosts.Add(vs);
        foreach (var service in registry.Services.Values.OrderBy(s => s.Hostname, StringComparer.Ordinal)) hosts.AddDefault(service);

        var clusters = ClusterBuilder.Build(ctx);
        NotEnforced.Report(resources, ctx.Diagnostics);
        return new MeshSnapshot(version, new Dictionary<string, VirtualHost>(hosts.ByKey, StringComparer.Ordinal), clusters, ctx.Diagnostics);
    }
}
