using Switchyard.Randomness;

namespace Switchyard.TestCommon;

/// <summary>A seeded <see cref="IRandomSource"/>: the same seed gives the same picks. Locked, so a
/// proxy's concurrent requests may share it.</summary>
public sealed class SeededRandom(int seed) : IRandomSource
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();

    public int Next(int maxExclusive) { lock (_gate) return _random.Next(maxExclusive); }

    public double NextDouble() { lock (_gate) return _random.NextDouble(); }
}
