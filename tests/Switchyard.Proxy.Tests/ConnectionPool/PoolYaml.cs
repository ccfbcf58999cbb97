using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.ConnectionPool;

/// <summary>Config for the "pool" service: its ServiceEntry (given backend ports) and a
/// DestinationRule with the given connectionPool block.</summary>
public static class PoolYaml
{
    public const string Host = "pool";
    public const string Cluster = "outbound|80||pool.default.svc.cluster.local";

    public static string For(string connectionPool, params int[] ports) =>
        MeshYaml.Join(
            ServiceEntryYaml.For(Host, ports.Select((p, i) => (p, $"app: pool, version: v{i}"))),
            MeshYaml.DestinationRule(Host, trafficPolicy: "connectionPool:\n" + MeshYaml.Indent(connectionPool, 2)));
}
