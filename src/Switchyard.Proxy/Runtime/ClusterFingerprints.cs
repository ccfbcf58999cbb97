using System.Text.Json;
using System.Text.Json.Serialization;
using Switchyard.Model.Networking;
using Switchyard.Translation.Clusters;

namespace Switchyard.Proxy.Runtime;

/// <summary>
/// Text renderings of a cluster's spec and of its upstream-client settings, compared across
/// snapshots to tell what changed. Named records and a source-generated JSON context, not
/// anonymous types through reflection, so the proxy also runs as a NativeAOT build.
/// </summary>
internal static partial class ClusterFingerprints
{
    /// <summary>Policy, port protocol and every endpoint's address, port, weight, locality and labels.</summary>
    public static string Of(ClusterSpec spec)
    {
        var endpoints = new List<EndpointShape>(spec.Endpoints.Count);
        foreach (var e in spec.Endpoints) endpoints.Add(new EndpointShape(e.Address, e.Port, e.Weight, e.Locality, e.Labels));
        return JsonSerializer.Serialize(new ClusterShape(spec.Policy, spec.PortProtocol, endpoints), FingerprintJson.Default.ClusterShape);
    }

    /// <summary>What the upstream HttpMessageInvoker is built from: connection pool and TLS.</summary>
    public static string ClientOf(ClusterPolicy policy) =>
        JsonSerializer.Serialize(new ClientShape(policy.ConnectionPool, policy.Tls), FingerprintJson.Default.ClientShape);

    internal sealed record ClusterShape(ClusterPolicy Policy, string? PortProtocol, IReadOnlyList<EndpointShape> Endpoints);

    internal sealed record EndpointShape(string Address, int Port, uint Weight, string? Locality, IReadOnlyDictionary<string, string> Labels);

    internal sealed record ClientShape(ConnectionPoolSettings? ConnectionPool, ClientTLSSettings? Tls);

    [JsonSerializable(typeof(ClusterShape))]
    [JsonSerializable(typeof(ClientShape))]
    internal sealed partial class FingerprintJson : JsonSerializerContext;
}
