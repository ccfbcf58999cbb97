namespace Switchyard.Proxy.Telemetry.Metrics;

/// <summary>The proxy's own workload, for Istio's <c>source_*</c> labels (the proxy reports as
/// <c>reporter="source"</c>, the client side). Istio reads the workload name from the pod's owner;
/// <c>run</c> has no pod, so it is <c>unknown</c> unless the labels name an app.</summary>
public sealed record SourceIdentity(string Workload, string Namespace, string App)
{
    public static SourceIdentity From(string ns, IReadOnlyDictionary<string, string> labels) =>
        new("unknown", ns, labels.TryGetValue("app", out var app) ? app : "unknown");
}
