using Switchyard.Model;
using Switchyard.Registry;

namespace Switchyard.Translation;

/// <summary>
/// The pure function (resources, registry) → snapshot. PLACEHOLDER: being written.
/// </summary>
public static class MeshTranslator
{
    public static MeshSnapshot Translate(IReadOnlyList<Resource> resources, ServiceRegistry registry, TranslationOptions options, long version)
    {
        _ = resources;
        _ = registry;
        _ = options;
        return new MeshSnapshot(version, new Dictionary<string, VirtualHost>(), new Dictionary<string, Clusters.ClusterSpec>(), []);
    }
}
