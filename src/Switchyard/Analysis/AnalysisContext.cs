using Switchyard.Diagnostics;
using Switchyard.Model;
using Switchyard.Model.Kubernetes;
using Switchyard.Model.Networking;

namespace Switchyard.Analysis;

/// <summary>
/// What analyzers read (all loaded resources, by kind) and where they report. In file mode the
/// Services, Pods, workloads, Nodes and Namespaces in the given files are the cluster state
/// (istioctl's test-mode behaviour; its CLI would read them from a live cluster instead).
/// </summary>
public sealed class AnalysisContext
{
    private readonly List<Diagnostic> _messages = new();
    private ServiceLookup? _services;
    private IReadOnlyList<WorkloadPod>? _pods;

    public AnalysisContext(IReadOnlyList<Resource> resources, IReadOnlyList<Diagnostic>? structuralErrors = null)
    {
        Resources = resources;
        StructuralErrors = structuralErrors ?? [];
        VirtualServices = resources.OfType<VirtualService>().ToList();
        DestinationRules = resources.OfType<DestinationRule>().ToList();
        ServiceEntries = resources.OfType<ServiceEntry>().ToList();
        WorkloadEntries = resources.OfType<WorkloadEntry>().ToList();
        Gateways = resources.OfType<Gateway>().ToList();
        Services = resources.OfType<Service>().ToList();
        Nodes = resources.OfType<Node>().ToList();
    }

    public IReadOnlyList<Resource> Resources { get; }

    /// <summary>What the loader could not bind (unknown fields, wrong types), reported as IST0106.</summary>
    public IReadOnlyList<Diagnostic> StructuralErrors { get; }
    public IReadOnlyList<VirtualService> VirtualServices { get; }
    public IReadOnlyList<DestinationRule> DestinationRules { get; }
    public IReadOnlyList<ServiceEntry> ServiceEntries { get; }
    public IReadOnlyList<WorkloadEntry> WorkloadEntries { get; }
    public IReadOnlyList<Gateway> Gateways { get; }
    public IReadOnlyList<Service> Services { get; }
    public IReadOnlyList<Node> Nodes { get; }

    /// <summary>The analyzer being run, set by the runner (for messages' provenance).</summary>
    public string? CurrentAnalyzer { get; set; }

    /// <summary>Services (Kubernetes and ServiceEntry hosts) with their export scopes.</summary>
    public ServiceLookup ServiceLookup => _services ??= new ServiceLookup(Services, ServiceEntries);

    /// <summary>Pods, and in file mode the pods that Deployments, ReplicaSets and StatefulSets would create.</summary>
    public IReadOnlyList<WorkloadPod> Pods => _pods ??= WorkloadPod.FromResources(Resources);

    public IReadOnlyList<Diagnostic> Messages => _messages;

    /// <summary>
    /// Reports one message on <paramref name="resource"/>; its line is that of
    /// <paramref name="fieldPath"/> when given (the offending field), else the resource's.
    /// </summary>
    public void Report(MessageType type, Resource resource, string? fieldPath, string? hint, params object[] args) =>
        _messages.Add(new Diagnostic
        {
            Severity = type.Level,
            Code = type.Code,
            Message = type.Format(args),
            Span = fieldPath is null ? resource.Span : resource.SpanOf(fieldPath),
            Resource = resource.Ref,
            FieldPath = fieldPath,
            Hint = hint,
        });

    /// <summary>Adds an already-built message (schema analyzers wrap validator output).</summary>
    public void Add(Diagnostic message) => _messages.Add(message);
}
