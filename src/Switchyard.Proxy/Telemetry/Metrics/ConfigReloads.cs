namespace Switchyard.Proxy.Telemetry.Metrics;

/// <summary>How often the config pipeline published a snapshot and how long translating and
/// publishing took (Istio's pilot_proxy_convergence_time, for one proxy). Written once per
/// reload, read by scrapes.</summary>
public sealed class ConfigReloads
{
    private long _count;
    private long _micros;

    public long Count => Interlocked.Read(ref _count);

    public double TotalMilliseconds => Interlocked.Read(ref _micros) / 1000.0;

    public void Record(TimeSpan took)
    {
        Interlocked.Add(ref _micros, (long)took.TotalMicroseconds);
        Interlocked.Increment(ref _count);
    }
}
