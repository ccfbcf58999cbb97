using Switchyard.Proxy.Retries;
using Switchyard.Randomness;

namespace Switchyard.Proxy.Tests.Retries;

/// <summary>Envoy's fully jittered exponential backoff: [0, (2^n-1)·base), capped at 10·base.</summary>
public sealed class RetryBackoffTests
{
    private sealed class Fixed(double value) : IRandomSource
    {
        public int Next(int maxExclusive) => (int)(value * maxExclusive);
        public double NextDouble() => value;
    }

    [Fact]
    public void Ceilings_grow_as_2_to_the_n_minus_1_times_base_up_to_ten_times_base()
    {
        var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(25));
        var nearlyOne = new Fixed(0.999999);
        var waits = Enumerable.Range(0, 6).Select(_ => (int)backoff.Next(nearlyOne).TotalMilliseconds).ToArray();
        // Whole milliseconds below each ceiling (Envoy: random % ceiling), then min(..., 10 × base).
        Assert.Equal([24, 74, 174, 250, 250, 250], waits);
    }

    [Fact]
    public void Jitter_can_be_zero()
    {
        var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(25));
        Assert.Equal(TimeSpan.Zero, backoff.Next(new Fixed(0)));
    }
}
