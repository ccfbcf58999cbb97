using Switchyard.Model.Networking;

namespace Switchyard.Validation.DestinationRules;

/// <summary>
/// <c>outlierDetection</c> (Istio's <c>validateOutlierDetection</c> plus the CRD's range on
/// <c>outlierDetectionHttpErrorCodes</c>): durations, the deprecated counter, the local-origin
/// counter that only works when split, and the two percentages.
/// </summary>
public static class OutlierDetectionValidator
{
    public static void Validate(OutlierDetection? outlier, string path, ValidationContext ctx)
    {
        if (outlier is null) return;

        DurationFields.Check(outlier.BaseEjectionTime, $"{path}.baseEjectionTime", ctx);
        if (outlier.ConsecutiveErrors is { } errors && errors != 0)
            ctx.Warning($"{path}.consecutiveErrors",
                "outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead");

        // Envoy ignores consecutive_local_origin_failure unless split_external_local_origin_errors
        // is on, so Istio refuses the combination rather than let it silently do nothing.
        if (outlier.SplitExternalLocalOriginErrors != true && outlier.ConsecutiveLocalOriginFailures is > 0)
            ctx.Error($"{path}.consecutiveLocalOriginFailures",
                "outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false",
                "set splitExternalLocalOriginErrors: true, or remove consecutiveLocalOriginFailures");

        DurationFields.Check(outlier.Interval, $"{path}.interval", ctx);
        CheckPercent(outlier.MaxEjectionPercent, $"{path}.maxEjectionPercent", ctx);
        CheckPercent(outlier.MinHealthPercent, $"{path}.minHealthPercent", ctx);
        CheckErrorCodes(outlier.OutlierDetectionHttpErrorCodes, $"{path}.outlierDetectionHttpErrorCodes", ctx);
    }

    /// <summary>Istio's <c>ValidatePercent</c> (an unset field is 0 there, which is in range).</summary>
    private static void CheckPercent(int? value, string path, ValidationContext ctx)
    {
        if (value is { } v && (v < 0 || v > 100))
            ctx.Error(path, $"percentage {v} is not in range 0..100");
    }

    private static void CheckErrorCodes(IReadOnlyList<uint>? codes, string path, ValidationContext ctx)
    {
        if (codes is null) return;
        for (var i = 0; i < codes.Count; i++)
        {
            if (codes[i] is < 100 or > 599)
                ctx.Error($"{path}[{i}]", $"HTTP status code {codes[i]} is not in range 100..599");
        }
    }
}
