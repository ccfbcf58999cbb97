using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation.DestinationRules;

/// <summary>
/// <c>localityLbSetting.distribute</c>: each <c>to</c> map gives every locality 1..100 percent
/// and adds up to exactly 100, and neither the <c>to</c> keys nor the <c>from</c>s overlap.
/// </summary>
internal static class LocalityDistributeValidator
{
    /// <returns>False when Istio would stop checking the setting here (a weight problem).</returns>
    public static bool Validate(IReadOnlyList<LocalityDistribute?>? distribute, string path, ValidationContext ctx)
    {
        if (distribute is null) return true;
        var sources = new List<string>(distribute.Count);
        for (var i = 0; i < distribute.Count; i++)
        {
            var entryPath = $"{path}[{i}]";
            if (distribute[i] is not { } entry)
            {
                ctx.Error(entryPath, "distribute entry may not be null");
                continue;
            }
            sources.Add(entry.From ?? "");
            if (!CheckWeights(entry.To, $"{entryPath}.to", ctx)) return false;
            ctx.ErrorIf($"{entryPath}.to", LocalityRules.CheckLocalities(entry.To?.Keys ?? []));
        }
        ctx.ErrorIf(path, LocalityRules.CheckLocalities(sources));
        return true;
    }

    private static bool CheckWeights(IReadOnlyDictionary<string, uint>? to, string path, ValidationContext ctx)
    {
        uint total = 0;
        foreach (var (locality, weight) in to ?? new Dictionary<string, uint>())
        {
            if (weight is 0 or > 100)
            {
                ctx.Error($"{path}.{locality}", "locality weight must be in range [1, 100]",
                    "leave a locality out to send it no traffic");
                return false;
            }
            total += weight;
        }
        if (total != 100)
        {
            ctx.Error(path, $"total locality weight {total} != 100", "the weights are percentages of this locality's traffic");
            return false;
        }
        return true;
    }
}
