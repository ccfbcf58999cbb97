namespace Switchyard.Registry;

/// <summary>Istio's locality string <c>region/zone/subzone</c>, built from Kubernetes topology labels.</summary>
public static class Localities
{
    public const string RegionLabel = "topology.kubernetes.io/region";
    public const string ZoneLabel = "topology.kubernetes.io/zone";
    public const string SubzoneLabel = "topology.istio.io/subzone";

    /// <summary><c>region/zone</c>, <c>region</c>, <c>/zone</c> (Istio keeps the empty region), or null.</summary>
    public static string? From(string? region, string? zone)
    {
        if (string.IsNullOrEmpty(region) && string.IsNullOrEmpty(zone)) return null;
        return string.IsNullOrEmpty(zone) ? region : $"{region}/{zone}";
    }

    /// <summary>A workload's locality from its topology labels, with Istio's subzone label when set.</summary>
    public static string? FromLabels(IReadOnlyDictionary<string, string>? labels)
    {
        var regionZone = From(labels?.GetValueOrDefault(RegionLabel), labels?.GetValueOrDefault(ZoneLabel));
        var subzone = labels?.GetValueOrDefault(SubzoneLabel);
        if (string.IsNullOrEmpty(subzone)) return regionZone;
        var zoned = labels?.GetValueOrDefault(ZoneLabel) is { Length: > 0 } ? regionZone : $"{regionZone}/";
        return $"{zoned}/{subzone}";
    }
}
