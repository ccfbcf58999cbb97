namespace Switchyard.Proxy.OutlierDetection;

/// <summary>One endpoint's outlier counters (Envoy's DetectorHostMonitor): consecutive 5xx,
/// gateway and local-origin failures, and its ejection history. Counters are bumped without a
/// lock on the request path; ejection bookkeeping is guarded by the detector's lock.</summary>
internal sealed class OutlierMonitor
{
    public int Consecutive5xx;
    public int ConsecutiveGateway;
    public int ConsecutiveLocalOrigin;

    /// <summary>Ejected by the detector (what the balancer sees may differ in panic).</summary>
    public bool Ejected;

    /// <summary>The ejection-time multiplier: +1 per ejection, -1 per sweep the endpoint spends healthy.</summary>
    public int Backoff;

    /// <summary>Total ejections (Envoy's num_ejections).</summary>
    public int TimesEjected;

    public long EjectedAt;
}
