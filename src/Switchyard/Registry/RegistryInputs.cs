using Switchyard.Model;
using Switchyard.Model.Kubernetes;
using Switchyard.Model.Networking;

namespace Switchyard.Registry;

/// <summary>The resources the registry reads, grouped by namespace once so each service's
/// endpoint lookup does not rescan the whole input.</summary>
internal sealed class RegistryInputs
{
    public RegistryInputs(IReadOnlyList<Resource> resources)
    {
        foreach (var r in resources)
        {
            switch (r)
            {
                case Service s: Services.Add(s); break;
                case ServiceEntry se: ServiceEntries.Add(se); break;
                case Pod p: Add(PodsByNamespace, p.Namespace, p); break;
                case WorkloadEntry we: Add(WorkloadEntriesByNamespace, we.Namespace, we); break;
                case EndpointSlice es when es.Metadata.Labels?.GetValueOrDefault(ServiceNameLabel) is { } svc:
                    Add(SlicesByService, $"{es.Namespace}/{svc}", es);
                    break;
            }
        }
    }

    /// <summary>The label that ties an EndpointSlice to its Service.</summary>
    public const string ServiceNameLabel = "kubernetes.io/service-name";

    public List<Service> Services { get; } = [];
    public List<ServiceEntry> ServiceEntries { get; } = [];
    public Dictionary<string, List<Pod>> PodsByNamespace { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<WorkloadEntry>> WorkloadEntriesByNamespace { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<EndpointSlice>> SlicesByService { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<Pod> PodsIn(string ns) => PodsByNamespace.GetValueOrDefault(ns) ?? [];

    public IReadOnlyList<WorkloadEntry> WorkloadEntriesIn(string ns) => WorkloadEntriesByNamespace.GetValueOrDefault(ns) ?? [];

    public IReadOnlyList<EndpointSlice> SlicesOf(string ns, string service) => SlicesByService.GetValueOrDefault($"{ns}/{service}") ?? [];

    public Pod? FindPod(string ns, string name) =>
        PodsIn(ns).FirstOrDefault(p => p.Name == name);

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T item)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(item);
    }
}
