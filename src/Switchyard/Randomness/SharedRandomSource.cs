namespace Switchyard.Randomness;

/// <summary>The production source: <see cref="Random.Shared"/> (thread-safe, lock-free).</summary>
public sealed class SharedRandomSource : IRandomSource
{
    public static readonly SharedRandomSource Instance = new();

    public int Next(int maxExclusive) => Random.Shared.Next(maxExclusive);

    public double NextDouble() => Random.Shared.NextDouble();
}
