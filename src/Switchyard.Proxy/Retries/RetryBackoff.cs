using Switchyard.Randomness;

namespace Switchyard.Proxy.Retries;

/// <summary>
/// Envoy's <c>JitteredExponentialBackOffStrategy</c>: before retry n (1, 2, ...) wait a uniformly
/// random time in [0, (2^n - 1) × base), then at most the cap (10 × base by default). Fully
/// jittered, so retries from many clients do not arrive in lockstep.
/// </summary>
public struct RetryBackoff(TimeSpan baseInterval)
{
    private int _retry;

    public TimeSpan Next(IRandomSource random)
    {
        var baseMs = Math.Max(1L, (long)baseInterval.TotalMilliseconds);
        var maxMs = baseMs * 10;
        _retry++;
        var ceiling = _retry >= 31 ? long.MaxValue / 2 : ((1L << _retry) - 1) * baseMs;
        var wait = (long)(random.NextDouble() * ceiling);
        return TimeSpan.FromMilliseconds(Math.Min(wait, maxMs));
    }
}
