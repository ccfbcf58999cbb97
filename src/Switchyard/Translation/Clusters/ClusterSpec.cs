using Switchyard.Registry;

namespace Switchyard.Translation.Clusters;

/// <summary>One upstream cluster of the snapshot: (host, subset, port), its merged policy and the
/// endpoints the subset's labels select.</summary>
public sealed record ClusterSpec(
    string Name,
    string Host,
    string? Subset,
    uint Port,
    ClusterPolicy Policy,
    IReadOnlyList<Endpoint> Endpoints,
    Provenance? Source)
{
    /// <summary>The service port's protocol as Istio infers it (http, http2, grpc, ...; null = sniffed).</summary>
    public string? PortProtocol { get; init; }
}
