namespace Switchyard.Randomness;

/// <summary>Randomness is injected (weighted splits, RANDOM and LEAST_REQUEST balancing, fault
/// percentages) so tests can seed it; src/ never calls <c>new Random()</c>.</summary>
public interface IRandomSource
{
    /// <summary>A uniformly distributed integer in [0, maxExclusive).</summary>
    int Next(int maxExclusive);

    /// <summary>A uniformly distributed double in [0, 1).</summary>
    double NextDouble();
}
