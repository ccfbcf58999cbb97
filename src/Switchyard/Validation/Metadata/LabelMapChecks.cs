using Switchyard.Validation.Rules;

namespace Switchyard.Validation;

/// <summary>
/// Istio's <c>labels.Instance.Validate</c> over a label map, each message pinned to its own entry
/// (<c>spec.labels.app</c>) rather than to the whole map.
/// </summary>
public static class LabelMapChecks
{
    public static void Check(ValidationContext ctx, string mapPath, IReadOnlyDictionary<string, string>? labels)
    {
        if (labels is null) return;
        foreach (var (key, value) in labels)
        {
            var path = $"{mapPath}.{key}";
            ctx.ErrorIf(path, Labels.CheckLabelKey(key),
                "a label key is an optional DNS prefix and '/', then up to 63 letters, digits, '-', '_' or '.'");
            ctx.ErrorIf(path, Labels.CheckLabelValue(value),
                "a label value is empty or letters and digits with '-', '_' or '.' inside");
        }
    }
}
