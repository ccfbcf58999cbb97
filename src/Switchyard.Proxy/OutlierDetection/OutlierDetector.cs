using Switchyard.Proxy.LoadBalancing;
using Switchyard.Proxy.Upstream;
using Switchyard.Translation.Policies.OutlierDetection;

namespace Switchyard.Proxy.OutlierDetection;

/// <summary>
/// Envoy's consecutive-error outlier detector for one cluster. Each attempt's result is reported
/// inline; reaching a threshold ejects the endpoint at once (if max_ejection_percent allows),
/// and a sweep every <c>interval</c> returns endpoints whose ejection time
/// (baseEjectionTime × times ejected in a row, at most max_ejection_time) is up. Below
/// minHealthPercent healthy endpoints the cluster is in panic and the balancer sees no ejections.
/// Time comes from the injected <see cref="TimeProvider"/>, so tests drive the sweep.
/// </summary>
public sealed class OutlierDetector : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<EndpointState, OutlierMonitor> _monitors;
    private readonly IReadOnlyList<EndpointState> _endpoints;
    private readonly TimeProvider _time;
    private readonly ITimer _sweep;
    private int _ejected;

    public OutlierDetector(OutlierSettings settings, IReadOnlyList<EndpointState> endpoints, TimeProvider time, OutlierDetector? previous = null)
    {
        Settings = settings;
        _endpoints = endpoints;
        _time = time;
        _monitors = new Dictionary<EndpointState, OutlierMonitor>(endpoints.Count, ReferenceEqualityComparer.Instance);
        foreach (var e in endpoints)
        {
            // The counters and ejection live on the endpoint: kept across a reload while the
            // settings are the same (a previous detector hands over), started afresh otherwise.
            var monitor = previous is not null ? e.Outlier : e.ResetOutlier();
            _monitors[e] = monitor;
            if (monitor.Ejected) _ejected++;
        }
        Publish();
        _sweep = time.CreateTimer(static self => ((OutlierDetector)self!).Sweep(), this, settings.Interval, settings.Interval);
    }

    public OutlierSettings Settings { get; }

    /// <summary>Endpoints ejected now (whether or not panic makes the balancer ignore it).</summary>
    public int EjectedCount { get { lock (_gate) return _ejected; } }

    /// <summary>True while fewer than minHealthPercent of the endpoints are healthy.</summary>
    public bool InPanic { get; private set; }

    /// <summary>How many times the endpoint has been ejected so far.</summary>
    public int TimesEjected(EndpointState endpoint) { lock (_gate) return MonitorOf(endpoint)?.TimesEjected ?? 0; }

    private OutlierMonitor? MonitorOf(EndpointState endpoint) => _monitors.GetValueOrDefault(endpoint);

    /// <summary>Reports one attempt: its response status, or the failure that left it without one.</summary>
    public void Report(EndpointState endpoint, HttpResponseMessage? response, UpstreamFailureKind? failure)
    {
        if (!_monitors.TryGetValue(endpoint, out var m)) return;
        if (response is not null)
        {
            // In split mode a response proves the connection worked (LocalOriginConnectSuccess).
            if (Settings.SplitExternalLocalOriginErrors) Volatile.Write(ref m.ConsecutiveLocalOrigin, 0);
            OnStatus(m, (int)response.StatusCode);
            return;
        }
        if (failure is null) return;
        // Envoy reports every upstream reset but overflow as LocalOriginConnectFailed. Without
        // split it is mapped to a 503 and counts as a 5xx and a gateway error.
        if (!Settings.SplitExternalLocalOriginErrors)
        {
            OnStatus(m, 503);
            return;
        }
        if (Settings.ConsecutiveLocalOriginFailures > 0 && Interlocked.Increment(ref m.ConsecutiveLocalOrigin) == Settings.ConsecutiveLocalOriginFailures)
            Detected(m);
    }

    // Envoy's putHttpResponseCode: a 5xx bumps the 5xx counter, and the gateway counter when it is
    // 502/503/504 (resetting it for other 5xx); anything else resets both.
    private void OnStatus(OutlierMonitor m, int status)
    {
        if (status < 500 || status > 599)
        {
            Volatile.Write(ref m.Consecutive5xx, 0);
            Volatile.Write(ref m.ConsecutiveGateway, 0);
            return;
        }
        var hit = false;
        if (status is 502 or 503 or 504)
            hit |= Settings.ConsecutiveGatewayErrors > 0 && Interlocked.Increment(ref m.ConsecutiveGateway) == Settings.ConsecutiveGatewayErrors;
        else
            Volatile.Write(ref m.ConsecutiveGateway, 0);
        hit |= Settings.Consecutive5xx > 0 && Interlocked.Increment(ref m.Consecutive5xx) == Settings.Consecutive5xx;
        if (hit) Detected(m);
    }

    private void Detected(OutlierMonitor m)
    {
        lock (_gate)
        {
            // Envoy resets the counter that fired so a new run of errors can be detected again.
            m.Consecutive5xx = m.ConsecutiveGateway = m.ConsecutiveLocalOrigin = 0;
            if (m.Ejected) return;
            // Envoy counts the endpoint about to go: (ejected + 1) / endpoints must stay within
            // max_ejection_percent (so the 10% default ejects nothing below 10 endpoints).
            if (100.0 * (_ejected + 1) / _monitors.Count > Settings.MaxEjectionPercent) return;
            m.Ejected = true;
            m.Backoff++;
            m.TimesEjected++;
            m.EjectedAt = _time.GetTimestamp();
            _ejected++;
            Publish();
        }
    }

    private void Sweep()
    {
        lock (_gate)
        {
            var changed = false;
            foreach (var m in _monitors.Values)
            {
                if (!m.Ejected)
                {
                    // A sweep spent healthy shortens the next ejection again.
                    if (m.Backoff > 0) m.Backoff--;
                    continue;
                }
                var ejectFor = Settings.BaseEjectionTime * m.Backoff;
                if (ejectFor > Settings.MaxEjectionTime) ejectFor = Settings.MaxEjectionTime;
                if (_time.GetElapsedTime(m.EjectedAt) < ejectFor) continue;
                m.Ejected = false;
                _ejected--;
                changed = true;
            }
            if (changed) Publish();
        }
    }

    // What the balancers see. Envoy's panic threshold (Istio's minHealthPercent): when fewer
    // healthy endpoints remain than that, it balances over all of them, ejected or not.
    private void Publish()
    {
        var healthyPercent = _monitors.Count == 0 ? 100.0 : 100.0 * (_monitors.Count - _ejected) / _monitors.Count;
        InPanic = healthyPercent < Settings.MinHealthPercent;
        foreach (var (endpoint, m) in _monitors) endpoint.IsEjected = m.Ejected && !InPanic;
    }

    public void Dispose() => _sweep.Dispose();
}
