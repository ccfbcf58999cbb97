namespace Switchyard.Validation.Rules;

/// <summary>
/// Istio's percentage checks (pkg/config/validation): fault <c>validatePercentage</c>, the mirror limits
/// in <c>validateHTTPRoute</c> / <c>validateHTTPMirrors</c>, and the integer <c>ValidatePercent</c>.
/// NaN passes all of them, as in Go, because every comparison with NaN is false.
/// </summary>
public static class Percentages
{
    /// <summary>Fault delay/abort percentage: 0, or within [0.0001, 100].</summary>
    public static string? CheckFaultPercent(double value) =>
        value < 0.0 || value > 100.0 || (value > 0.0 && value < 0.0001)
            ? $"percentage {GoText.FormatV(value)} is neither 0.0, nor in range [0.0001, 100.0]"
            : null;

    /// <summary>Route-level <c>mirrorPercentage</c>: 0..100.</summary>
    public static string? CheckMirrorPercent(double value) => CheckMirror(value, "mirror_percentage");

    /// <summary>A <c>mirrors[].percentage</c>: 0..100 (Istio words this one without the underscore).</summary>
    public static string? CheckMirrorsEntryPercent(double value) => CheckMirror(value, "mirror percentage");

    /// <summary>The deprecated integer <c>mirrorPercent</c>: at most 100.</summary>
    public static string? CheckLegacyMirrorPercent(long value) =>
        value > 100 ? $"mirror_percent must have a max value of 100 (it has {value})" : null;

    /// <summary>Integer percentages (outlier maxEjectionPercent, minHealthPercent): 0..100.</summary>
    public static string? CheckPercent(long value) =>
        value is < 0 or > 100 ? $"percentage {value} is not in range 0..100" : null;

    private static string? CheckMirror(double value, string what) =>
        value > 100 ? $"{what} must have a max value of 100 (it has {GoText.FormatF(value)})"
        : value < 0 ? $"{what} must have a min value of 0 (it has {GoText.FormatF(value)})"
        : null;
}
