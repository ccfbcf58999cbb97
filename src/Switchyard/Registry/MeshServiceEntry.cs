using Switchyard.Model;

namespace Switchyard.Registry;

/// <summary>A service of the registry: its FQDN, namespace, ports and, per port number, its
/// endpoints (before any subset filter).</summary>
public sealed record MeshServiceEntry(
    string Hostname,
    string Namespace,
    IReadOnlyList<ServicePortInfo> Ports,
    IReadOnlyDictionary<uint, IReadOnlyList<Endpoint>> EndpointsByPort,
    ResourceRef Source);
