namespace Switchyard.Translation.Clusters;

/// <summary>Envoy/Istio cluster names: <c>outbound|80|v1|frontend.default.svc.cluster.local</c>
/// (empty subset for the whole service).</summary>
public static class ClusterKey
{
    public static string Of(uint port, string? subset, string host) => $"outbound|{port}|{subset ?? ""}|{host}";
}
