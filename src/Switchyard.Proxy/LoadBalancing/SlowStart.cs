using Switchyard.Translation.Policies.LoadBalancer;

namespace Switchyard.Proxy.LoadBalancing;

/// <summary>Istio's <c>warmup</c> (Envoy's slow_start_config) for ROUND_ROBIN and LEAST_REQUEST:
/// an endpoint younger than the window gets
/// <c>weight * max(minimumPercent/100, (age/window)^(1/aggression))</c>, as Envoy's
/// <c>EdfLoadBalancerBase::applySlowStartFactor</c> computes it (age at least 1 ms).</summary>
public sealed class SlowStart
{
    private readonly TimeProvider _time;
    private readonly double _windowTicks;
    private readonly double _minimumFactor;
    private readonly double _aggression;

    public SlowStart(TimeSpan window, double minimumPercent, double aggression, TimeProvider time)
    {
        _time = time;
        _windowTicks = window.TotalSeconds * time.TimestampFrequency;
        _minimumFactor = Math.Clamp(minimumPercent, 0, 100) / 100.0;
        // Envoy falls back to linear when aggression is not positive.
        _aggression = aggression > 0 && !double.IsNaN(aggression) ? aggression : 1.0;
    }

    /// <summary>The compiled warmup (defaults already filled by translation), or null when there is none.</summary>
    public static SlowStart? From(WarmupSpec? warmup, TimeProvider time) =>
        warmup is null ? null : new SlowStart(warmup.Duration, warmup.MinimumPercent, warmup.Aggression, time);

    /// <summary>The timestamp after which none of <paramref name="endpoints"/> is warming up.</summary>
    public long WarmEnd(IReadOnlyList<EndpointState> endpoints)
    {
        var latest = long.MinValue;
        for (var i = 0; i < endpoints.Count; i++) latest = Math.Max(latest, endpoints[i].AddedTimestamp);
        return latest == long.MinValue ? long.MinValue : latest + (long)Math.Ceiling(_windowTicks);
    }

    public long Now() => _time.GetTimestamp();

    /// <summary>The share of its weight the endpoint gets at <paramref name="now"/>, in (0, 1].</summary>
    public double Factor(EndpointState endpoint, long now)
    {
        double age = now - endpoint.AddedTimestamp;
        if (age >= _windowTicks) return 1.0;
        var oneMs = _time.TimestampFrequency / 1000.0;
        var timeFactor = Math.Max(age, oneMs) / _windowTicks;
        var ramp = _aggression == 1.0 ? timeFactor : Math.Pow(timeFactor, 1.0 / _aggression);
        return Math.Max(ramp, _minimumFactor);
    }
}
