namespace Switchyard.Model.Kubernetes;

// The Kubernetes kinds routing and analysis read. Only the fields Switchyard uses are modelled;
// every other key is ignored ([LenientFields]), never an error.

[LenientFields]
public sealed record Service : Resource
{
    public ServiceSpec Spec { get; init; } = new();
}

[LenientFields]
public sealed record ServiceSpec
{
    public IReadOnlyDictionary<string, string>? Selector { get; init; }
    public IReadOnlyList<ServicePortSpec?>? Ports { get; init; }
    public string? Type { get; init; }
    public string? ClusterIP { get; init; }
    public string? ExternalName { get; init; }
}

/// <summary>A Service port; <c>targetPort</c> is a number or a named container port.</summary>
[LenientFields]
public sealed record ServicePortSpec
{
    public string? Name { get; init; }
    public string? Protocol { get; init; }
    public string? AppProtocol { get; init; }
    public int? Port { get; init; }
    public string? TargetPort { get; init; }
}

[LenientFields]
public sealed record Pod : Resource
{
    public PodSpec Spec { get; init; } = new();
    public PodStatus Status { get; init; } = new();
}

[LenientFields]
public sealed record PodSpec
{
    public string? NodeName { get; init; }
    public string? ServiceAccountName { get; init; }
    public IReadOnlyList<Container?>? Containers { get; init; }
}

[LenientFields]
public sealed record Container
{
    public string? Name { get; init; }
    public string? Image { get; init; }
    public IReadOnlyList<ContainerPortSpec?>? Ports { get; init; }
}

[LenientFields]
public sealed record ContainerPortSpec
{
    public string? Name { get; init; }
    public int? ContainerPort { get; init; }
    public string? Protocol { get; init; }
}

[LenientFields]
public sealed record PodStatus
{
    public string? PodIP { get; init; }
    public string? Phase { get; init; }
}

/// <summary>The pod template of a workload controller: its labels make pods in file mode.</summary>
[LenientFields]
public sealed record PodTemplateSpec
{
    public ObjectMeta Metadata { get; init; } = new();
    public PodSpec Spec { get; init; } = new();
}

[LenientFields]
public sealed record LabelSelector
{
    public IReadOnlyDictionary<string, string>? MatchLabels { get; init; }
}

[LenientFields]
public sealed record WorkloadSpec
{
    public int? Replicas { get; init; }
    public LabelSelector? Selector { get; init; }
    public PodTemplateSpec Template { get; init; } = new();
}

/// <summary>Deployment, ReplicaSet and StatefulSet share the parts we read.</summary>
[LenientFields]
public abstract record Workload : Resource
{
    public WorkloadSpec Spec { get; init; } = new();
}

[LenientFields] public sealed record Deployment : Workload;
[LenientFields] public sealed record ReplicaSet : Workload;
[LenientFields] public sealed record StatefulSet : Workload;

[LenientFields]
public sealed record Namespace : Resource;

[LenientFields]
public sealed record Node : Resource;

[LenientFields]
public sealed record EndpointSlice : Resource
{
    public string? AddressType { get; init; }
    public IReadOnlyList<EndpointSliceEndpoint?>? Endpoints { get; init; }
    public IReadOnlyList<EndpointSlicePort?>? Ports { get; init; }
}

[LenientFields]
public sealed record EndpointSliceEndpoint
{
    public IReadOnlyList<string>? Addresses { get; init; }
    public EndpointConditions? Conditions { get; init; }
    public string? NodeName { get; init; }
    public string? Zone { get; init; }
    public ObjectReference? TargetRef { get; init; }
}

[LenientFields]
public sealed record EndpointConditions
{
    public bool? Ready { get; init; }
    public bool? Serving { get; init; }
    public bool? Terminating { get; init; }
}

[LenientFields]
public sealed record ObjectReference
{
    public string? Kind { get; init; }
    public string? Name { get; init; }
    public string? Namespace { get; init; }
}

[LenientFields]
public sealed record EndpointSlicePort
{
    public string? Name { get; init; }
    public int? Port { get; init; }
    public string? Protocol { get; init; }
    public string? AppProtocol { get; init; }
}
