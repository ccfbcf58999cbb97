namespace Switchyard.Validation.Rules;

/// <summary>
/// Locality strings (<c>region/zone/subzone</c>) in <c>localityLbSetting.distribute</c>, as Istio's
/// <c>validateLocalities</c> (pkg/config/validation/agent) checks them.
/// </summary>
public static class LocalityRules
{
    /// <summary>At most one <c>*</c>, only at the end; no empty region, zone or subzone.</summary>
    public static string? CheckLocality(string locality) =>
        CheckWildcard(locality) ?? (TrySplit(locality, out _, out _, out _, out _) ? null : EmptyPart(locality));

    /// <summary>
    /// A list of localities (the <c>from</c>s, or one <c>to</c> map's keys): the first problem, as Istio
    /// stops at it, including overlaps such as <c>us/*</c> then <c>us/east</c>, or anything after <c>*</c>.
    /// </summary>
    public static string? CheckLocalities(IEnumerable<string> localities)
    {
        var seen = new Dictionary<string, Dictionary<string, HashSet<string>>>(StringComparer.Ordinal);
        foreach (var locality in localities)
        {
            if (CheckWildcard(locality) is { } wildcard) return wildcard;
            if (seen.ContainsKey("*")) return Overlap(locality);
            if (!TrySplit(locality, out var region, out var zone, out var subzone, out var depth)) return EmptyPart(locality);
            if (!seen.TryGetValue(region, out var zones))
            {
                // Istio's maps mark "everything below" with a "*" key; a region alone covers all zones.
                seen[region] = depth == 0 ? Star() : new(StringComparer.Ordinal) { [zone] = depth == 1 ? ["*"] : [subzone] };
                continue;
            }
            if (depth == 0 || zones.ContainsKey("*")) return Overlap(locality);
            if (!zones.TryGetValue(zone, out var subzones))
            {
                zones[zone] = depth == 1 ? ["*"] : [subzone];
                continue;
            }
            if (depth == 1 || subzones.Contains("*") || !subzones.Add(subzone)) return Overlap(locality);
        }
        return null;
    }

    private static Dictionary<string, HashSet<string>> Star() => new(StringComparer.Ordinal) { ["*"] = ["*"] };

    private static string? CheckWildcard(string locality)
    {
        var n = locality.AsSpan().Count('*');
        return n > 1 || (n == 1 && !locality.EndsWith('*'))
            ? $"locality {locality} wildcard '*' number can not exceed 1 and must be in the end"
            : null;
    }

    private static string EmptyPart(string locality) => $"locality {locality} must not contain empty region/zone/subzone info";

    private static string Overlap(string locality) => $"locality {locality} overlap with previous specified ones";

    // Go's strings.SplitN(locality, "/", 3): the subzone keeps any further slashes.
    private static bool TrySplit(string locality, out string region, out string zone, out string subzone, out int depth)
    {
        var parts = locality.Split('/', 3);
        region = parts[0];
        zone = parts.Length > 1 ? parts[1] : "";
        subzone = parts.Length > 2 ? parts[2] : "";
        depth = parts.Length - 1;
        foreach (var p in parts)
            if (p.Length == 0) return false;
        return true;
    }
}
