namespace Switchyard.Registry;

/// <summary>Istio's locality string <c>region/zone/subzone</c>, built from Kubernetes topology labels.</summary>
public static class Localities
{
    public const string RegionLabel = "topology.kubernetes.io/region";
    public const string ZoneLabel = "topology.kubernetes.io/zone";

    /// <summary><c>region/zone</c>, <c>region</c>, <c>/zone</c> (Istio keeps the empty region), or null.</summary>
    public static string? From(string? region, string? zone)
    {
        if (string.IsNullOrEmpty(region) && string.IsNullOrEmpty(zone)) return null;
        return string.IsNullOrEmpty(zone) ? region : $"{region}/{zone}";
    }

    public static string? FromLabels(IReadOnlyDictionary<string, string>? labels) =>
        From(labels?.GetValueOrDefault(RegionLabel), labels?.GetValueOrDefault(ZoneLabel));
}
