using Switchyard.Model;
using Switchyard.Model.Kubernetes;
using Switchyard.Model.Networking;

namespace Switchyard.Registry;

/// <summary>
/// Services and their endpoints, built from the loaded resources: Kubernetes Services (with
/// EndpointSlices when given, else Pods by selector) and ServiceEntries (inline endpoints, or a
/// workloadSelector over WorkloadEntries and Pods). Keyed by lowercase FQDN.
/// </summary>
public sealed class ServiceRegistry
{
    private readonly Dictionary<string, MeshServiceEntry> _services;

    private ServiceRegistry(Dictionary<string, MeshServiceEntry> services) => _services = services;

    /// <summary>Services by FQDN (lowercase).</summary>
    public IReadOnlyDictionary<string, MeshServiceEntry> Services => _services;

    public MeshServiceEntry? Find(string fqdn) => _services.GetValueOrDefault(fqdn.ToLowerInvariant());

    /// <summary>The services a predicate keeps (e.g. those exported to one proxy's namespace).</summary>
    public ServiceRegistry Where(Func<MeshServiceEntry, bool> keep)
    {
        var kept = new Dictionary<string, MeshServiceEntry>(StringComparer.Ordinal);
        foreach (var (host, entry) in _services)
            if (keep(entry)) kept.Add(host, entry);
        return kept.Count == _services.Count ? this : new ServiceRegistry(kept);
    }

    /// <summary>When a ServiceEntry names the host of a Kubernetes Service, Istio keeps the
    /// Service (the entry only decorates it), so Services are registered first; between two
    /// entries for one host the first in (namespace, name) order wins.</summary>
    public static ServiceRegistry Build(IReadOnlyList<Resource> resources)
    {
        var inputs = new RegistryInputs(resources);
        var services = new Dictionary<string, MeshServiceEntry>(StringComparer.Ordinal);
        foreach (var svc in inputs.Services.OrderBy(s => s.Namespace, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            var entry = FromService(svc, inputs);
            services.TryAdd(entry.Hostname, entry);
        }
        foreach (var se in inputs.ServiceEntries.OrderBy(s => s.Namespace, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal))
            foreach (var host in se.Spec.Hosts ?? [])
            {
                var entry = FromServiceEntry(se, HostNames.ToFqdn(host, se.Namespace).ToLowerInvariant(), inputs);
                services.TryAdd(entry.Hostname, entry);
            }
        return new ServiceRegistry(services);
    }

    private static MeshServiceEntry FromService(Service svc, RegistryInputs inputs)
    {
        var ports = (svc.Spec.Ports ?? []).Where(p => p?.Port is > 0)
            .Select(p => new ServicePortInfo((uint)p!.Port!.Value, p.Name, p.AppProtocol ?? p.Protocol, p.TargetPort)
            {
                Inferred = PortProtocol.Infer(p.Port!.Value, p.Name, p.Protocol, p.AppProtocol),
            }).ToList();
        var endpoints = new Dictionary<uint, IReadOnlyList<Endpoint>>();
        foreach (var port in ports) endpoints.TryAdd(port.Number, KubernetesEndpoints.For(svc, port, inputs));
        var host = HostNames.ToFqdn(svc.Name, svc.Namespace).ToLowerInvariant();
        return new MeshServiceEntry(host, svc.Namespace, ports, endpoints, svc.Ref) { SourceSpan = svc.Span, ExportTo = ServiceExportTo(svc) };
    }

    private static MeshServiceEntry FromServiceEntry(ServiceEntry se, string host, RegistryInputs inputs)
    {
        var specPorts = (se.Spec.Ports ?? []).Where(p => p?.Number is > 0).Select(p => p!).ToList();
        var ports = specPorts.Select(p => new ServicePortInfo(p.Number!.Value, p.Name, p.Protocol, p.TargetPort?.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            Inferred = p.Protocol?.ToLowerInvariant(),
        }).ToList();
        var endpoints = new Dictionary<uint, IReadOnlyList<Endpoint>>();
        foreach (var port in specPorts) endpoints.TryAdd(port.Number!.Value, ServiceEntryEndpoints.For(se, host, port, inputs));
        return new MeshServiceEntry(host, se.Namespace, ports, endpoints, se.Ref) { SourceSpan = se.Span, ExportTo = se.Spec.ExportTo };
    }

    /// <summary>A Kubernetes Service's exportTo is the comma-separated annotation
    /// <c>networking.istio.io/exportTo</c>.</summary>
    private static IReadOnlyList<string>? ServiceExportTo(Service svc) =>
        svc.Metadata.Annotations?.GetValueOrDefault(ExportToAnnotation) is { Length: > 0 } value
            ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;

    public const string ExportToAnnotation = "networking.istio.io/exportTo";
}
