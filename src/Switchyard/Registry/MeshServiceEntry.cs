using Switchyard.Model;

namespace Switchyard.Registry;

/// <summary>A service of the registry: its FQDN, namespace, ports and, per port number, its
/// endpoints (before any subset filter).</summary>
public sealed record MeshServiceEntry(
    string Hostname,
    string Namespace,
    IReadOnlyList<ServicePortInfo> Ports,
    IReadOnlyDictionary<uint, IReadOnlyList<Endpoint>> EndpointsByPort,
    ResourceRef Source)
{
    /// <summary>Where the Service or ServiceEntry was written (for provenance of default routes and clusters).</summary>
    public SourceSpan SourceSpan { get; init; } = SourceSpan.None;

    /// <summary>The namespaces the service is exported to, as written (null or empty = all).</summary>
    public IReadOnlyList<string>? ExportTo { get; init; }

    /// <summary>The endpoints of one port; empty when the port is unknown.</summary>
    public IReadOnlyList<Endpoint> EndpointsOf(uint port) => EndpointsByPort.GetValueOrDefault(port) ?? [];
}
