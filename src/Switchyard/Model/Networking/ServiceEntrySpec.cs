namespace Switchyard.Model.Networking;

public enum ServiceEntryLocation
{
    MESH_EXTERNAL = 0,
    MESH_INTERNAL = 1,
}

public enum ServiceEntryResolution
{
    NONE = 0,
    STATIC = 1,
    DNS = 2,
    DNS_ROUND_ROBIN = 3,
    DYNAMIC_DNS = 4,
}

/// <summary>networking.istio.io ServiceEntry spec: registers a service outside Kubernetes.</summary>
public sealed record ServiceEntrySpec
{
    public IReadOnlyList<string>? Hosts { get; init; }
    public IReadOnlyList<string>? Addresses { get; init; }
    public IReadOnlyList<ServicePort?>? Ports { get; init; }
    public ServiceEntryLocation? Location { get; init; }
    public ServiceEntryResolution? Resolution { get; init; }
    public IReadOnlyList<WorkloadEntrySpec?>? Endpoints { get; init; }
    public ServiceEntryWorkloadSelector? WorkloadSelector { get; init; }
    public IReadOnlyList<string>? ExportTo { get; init; }
    public IReadOnlyList<string>? SubjectAltNames { get; init; }
}

public sealed record ServicePort
{
    public uint? Number { get; init; }
    public string? Protocol { get; init; }
    public string? Name { get; init; }
    public uint? TargetPort { get; init; }
}

/// <summary>type/v1beta1 WorkloadSelector as ServiceEntry uses it (<c>labels</c>).</summary>
public sealed record ServiceEntryWorkloadSelector
{
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}

/// <summary>networking.istio.io WorkloadEntry spec: one non-Kubernetes endpoint with labels.</summary>
public sealed record WorkloadEntrySpec
{
    public string? Address { get; init; }
    public IReadOnlyDictionary<string, uint>? Ports { get; init; }
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
    public string? Network { get; init; }
    public string? Locality { get; init; }
    public uint? Weight { get; init; }
    public string? ServiceAccount { get; init; }
}
