namespace Switchyard.Model;

/// <summary>Kubernetes object metadata: the parts Switchyard reads. Other keys are ignored.</summary>
[LenientFields]
public sealed record ObjectMeta
{
    public string? Name { get; init; }
    public string? Namespace { get; init; }
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }
    public string? ResourceVersion { get; init; }
    public string? CreationTimestamp { get; init; }
    public long? Generation { get; init; }
}
