using Switchyard.Randomness;
using Switchyard.Translation.Policies;

namespace Switchyard.Tests.Translation.Policies;

public class FractionPerMillionTests
{
    [Theory]
    [InlineData(0.1, 1000u)]      // 0.1 means 0.1%, not 10%
    [InlineData(0.0001, 1u)]
    [InlineData(50, 500_000u)]
    [InlineData(100, 1_000_000u)]
    [InlineData(0, 0u)]
    [InlineData(0.57, 5699u)]     // pilot truncates uint32(value * 10000): 5699.999... → 5699
    public void Percent_becomes_parts_per_million_as_pilot_translates_it(double percent, uint expected) =>
        Assert.Equal(expected, FractionPerMillion.FromPercent(percent).Numerator);

    [Fact]
    public void Hit_rate_follows_the_share_over_100000_draws()
    {
        var random = new Seeded(3);
        var share = FractionPerMillion.FromPercent(25);
        var hits = 0;
        for (var i = 0; i < 100_000; i++) if (share.Hit(random)) hits++;
        Assert.InRange(hits, 24_000, 26_000);
    }

    [Fact]
    public void All_and_none_never_draw()
    {
        var random = new Throwing();
        Assert.True(FractionPerMillion.All.Hit(random));
        Assert.False(FractionPerMillion.None.Hit(random));
    }

    private sealed class Seeded(int seed) : IRandomSource
    {
        private readonly Random _r = new(seed);
        public int Next(int maxExclusive) => _r.Next(maxExclusive);
        public double NextDouble() => _r.NextDouble();
    }

    private sealed class Throwing : IRandomSource
    {
        public int Next(int maxExclusive) => throw new InvalidOperationException("drew");
        public double NextDouble() => throw new InvalidOperationException("drew");
    }
}
