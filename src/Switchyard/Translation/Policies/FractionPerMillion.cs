using Switchyard.Randomness;

namespace Switchyard.Translation.Policies;

/// <summary>
/// A share of requests as Envoy's FractionalPercent with denominator MILLION, which is how Istio
/// hands every VirtualService percentage to Envoy (pilot's translatePercentToFractionalPercent:
/// <c>uint32(value * 10000)</c>, truncated, so 0.1 means 0.1% = 1000 per million).
/// </summary>
public readonly record struct FractionPerMillion(uint Numerator)
{
    public const uint Million = 1_000_000;

    public static readonly FractionPerMillion None = new(0);

    public static readonly FractionPerMillion All = new(Million);

    /// <summary>A percentage in [0, 100] (Istio's Percent.value), truncated as Istio does.</summary>
    public static FractionPerMillion FromPercent(double percent) =>
        percent <= 0 ? None : percent >= 100 ? All : new((uint)(percent * 10000));

    public bool IsNone => Numerator == 0;

    /// <summary>Envoy's featureEnabled: <c>random % denominator &lt; numerator</c>. No draw at 0% or 100%.</summary>
    public bool Hit(IRandomSource random) =>
        Numerator >= Million || (Numerator > 0 && (uint)random.Next((int)Million) < Numerator);
}
