using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.ConnectionPool;

/// <summary>Config for the "pool" service: its ServiceEntry (given backend ports) and a
/// DestinationRule with the given connectionPool block.</summary>
public static class PoolYaml
{
    public const string Host = "pool";
    public const string Cluster = "outbound|80||pool.default.svc.cluster.local";

    public static string For(string connectionPool, params int[] ports) =>
        ServiceEntryYaml.For(Host, ports.Select((p, i) => (p, $"app: pool, version: v{i}"))) + "\n---\n" + $$"""
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: pool, namespace: default}
        spec:
          host: pool
          trafficPolicy:
            connectionPool:
              {{connectionPool.Replace("\n", "\n      ")}}
        """;
}
