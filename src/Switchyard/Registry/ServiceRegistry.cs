using Switchyard.Model;

namespace Switchyard.Registry;

/// <summary>
/// Services and their endpoints, built from the loaded resources. PLACEHOLDER: being written
/// (Kubernetes Services with Pods / EndpointSlices, ServiceEntries with endpoints or
/// workloadSelector over WorkloadEntries and Pods).
/// </summary>
public sealed class ServiceRegistry
{
    private readonly Dictionary<string, MeshServiceEntry> _services;

    private ServiceRegistry(Dictionary<string, MeshServiceEntry> services) => _services = services;

    /// <summary>Services by FQDN (lowercase).</summary>
    public IReadOnlyDictionary<string, MeshServiceEntry> Services => _services;

    public MeshServiceEntry? Find(string fqdn) => _services.GetValueOrDefault(fqdn.ToLowerInvariant());

    public static ServiceRegistry Build(IReadOnlyList<Resource> resources)
    {
        _ = resources;
        return new ServiceRegistry(new Dictionary<string, MeshServiceEntry>());
    }
}
