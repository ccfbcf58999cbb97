namespace Switchyard.Model.Networking;

// The Istio kinds (group networking.istio.io, versions v1alpha3, v1beta1, v1: their schemas are
// identical, so one model serves all three). Top-level keys other than apiVersion, kind,
// metadata, spec and status are an error, as in istioctl validate.

public sealed record VirtualService : Resource
{
    public VirtualServiceSpec Spec { get; init; } = new();
    public object? Status { get; init; }
}

public sealed record DestinationRule : Resource
{
    public DestinationRuleSpec Spec { get; init; } = new();
    public object? Status { get; init; }
}

public sealed record ServiceEntry : Resource
{
    public ServiceEntrySpec Spec { get; init; } = new();
    public object? Status { get; init; }
}

public sealed record WorkloadEntry : Resource
{
    public WorkloadEntrySpec Spec { get; init; } = new();
    public object? Status { get; init; }
}
