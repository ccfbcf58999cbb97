using Switchyard.Diagnostics;
using Switchyard.Proxy.Telemetry.Metrics;

namespace Switchyard.Proxy.Admin;

/// <summary>What the admin API shows besides the snapshot: the configuration last rejected, and
/// the proxy's own state for <c>/ready</c> (draining, over its connection cap).</summary>
public sealed class AdminData
{
    private volatile IReadOnlyList<Diagnostic> _rejected = [];
    private volatile bool _draining;
    private volatile Func<bool> _overloaded = static () => false;

    public IReadOnlyList<Diagnostic> Rejected
    {
        get => _rejected;
        set => _rejected = value;
    }

    /// <summary>Set once shutdown has begun: the outbound listener refuses new connections and
    /// finishes the requests in flight (Envoy's drain), and <c>/ready</c> says DRAINING.</summary>
    public bool Draining
    {
        get => _draining;
        set => _draining = value;
    }

    /// <summary>True while the downstream connection cap is reached (Envoy's overload manager);
    /// <c>/ready</c> is 503 then, so a load balancer sends new clients elsewhere.</summary>
    public Func<bool> Overloaded
    {
        get => _overloaded;
        set => _overloaded = value;
    }

    /// <summary>Istio's request metrics, shown at <c>/stats/prometheus</c>, <c>/stats</c> and the
    /// dashboard; null when the proxy has no admin API (nothing could read them, so nothing counts).</summary>
    public IstioMetrics? Metrics { get; set; }

    /// <summary>Snapshots published and the time each took, for <c>/stats/prometheus</c>.</summary>
    public ConfigReloads Reloads { get; } = new();

    /// <summary>The proxy's listeners (name, bound address), for <c>/listeners</c>; set by the host.</summary>
    public Func<IReadOnlyList<(string Name, Uri Uri)>> Listeners { get; set; } = static () => [];
}
