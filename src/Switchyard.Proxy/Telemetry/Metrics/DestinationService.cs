using Switchyard.Translation.Clusters;

namespace Switchyard.Proxy.Telemetry.Metrics;

/// <summary>Istio's <c>destination_service*</c> labels of one cluster, read from its name
/// (<c>outbound|80|v1|frontend.default.svc.cluster.local</c>): the host is the service, and a
/// Kubernetes host's first two labels are its name and namespace. Any other host (a
/// ServiceEntry's) is its own name, in the namespace of the resource that made the cluster.</summary>
public sealed record DestinationService(string ClusterName, string Service, string Name, string Namespace, string? Subset)
{
    /// <summary>Requests that reached no cluster (no route, a direct response, a fault abort).</summary>
    public static readonly DestinationService Unknown = new("", "unknown", "unknown", "unknown", null);

    public static DestinationService Of(string clusterName, ClusterSpec? spec)
    {
        var parts = clusterName.Split('|');
        if (parts.Length != 4) return Unknown with { ClusterName = clusterName };
        var host = parts[3];
        var subset = parts[2].Length == 0 ? null : parts[2];
        var dot = host.IndexOf(".svc.", StringComparison.Ordinal);
        if (dot > 0 && host.IndexOf('.') is var first && first < dot)
            return new(clusterName, host, host[..first], host[(first + 1)..dot], subset);
        return new(clusterName, host, host, spec?.Source?.Resource.Namespace ?? "unknown", subset);
    }
}
