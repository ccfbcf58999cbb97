using Switchyard.Model.Networking;

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

    /// <summary>The configured warmup, or null when there is none: <c>warmup.duration</c>, else the
    /// deprecated <c>warmupDurationSecs</c>; minimumPercent defaults to 10 and aggression to 1.</summary>
    public static SlowStart? From(LoadBalancerSettings? settings, TimeProvider time)
    {
        if (settings is null) return null;
        var warmup = settings.Warmup;
        var duration = warmup?.Duration ?? settings.WarmupDurationSecs;
        if (duration is not { Nanoseconds: > 0 } d) return null;
        return new SlowStart(d.ToTimeSpan(), warmup?.MinimumPercent ?? 10, warmup?.Aggression ?? 1.0, time);
    }

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
