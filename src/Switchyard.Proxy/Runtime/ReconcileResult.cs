using Switchyard.Proxy.OutlierDetection;

namespace Switchyard.Proxy.Runtime;

/// <summary>What one reconcile produced: the state to publish, and what the new state no longer
/// uses — upstream clients to retire (disposed when their last request ends) and outlier
/// detectors to stop — which the caller releases only after publishing.</summary>
public sealed class ReconcileResult(ProxyState state)
{
    public ProxyState State { get; } = state;

    public List<UpstreamClient> RetiredClients { get; } = [];

    public List<OutlierDetector> RetiredDetectors { get; } = [];
}
