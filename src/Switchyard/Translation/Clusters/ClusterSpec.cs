using Switchyard.Registry;

namespace Switchyard.Translation.Clusters;

/// <summary>One upstream cluster of the snapshot: (host, subset, port), its compiled policy and
/// the endpoints the subset's labels select. Value equality throughout, so the proxy compares a
/// cluster's policy and endpoints across snapshots with <c>==</c>.</summary>
public sealed record ClusterSpec(
    string Name,
    string Host,
    string? Subset,
    uint Port,
    ClusterPolicy Policy,
    EquatableList<Endpoint> Endpoints,
    Provenance? Source);
