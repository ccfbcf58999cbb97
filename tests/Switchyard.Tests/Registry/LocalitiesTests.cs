using Switchyard.Registry;

namespace Switchyard.Tests.Registry;

public class LocalitiesTests
{
    [Theory]
    [InlineData("us-east", "zone-a", null, "us-east/zone-a")]
    [InlineData("us-east", "zone-a", "sub-1", "us-east/zone-a/sub-1")]
    [InlineData("us-east", null, "sub-1", "us-east//sub-1")]
    [InlineData(null, null, null, null)]
    public void Workload_locality_joins_region_zone_and_istio_subzone(string? region, string? zone, string? subzone, string? expected)
    {
        var labels = new Dictionary<string, string>();
        if (region is not null) labels[Localities.RegionLabel] = region;
        if (zone is not null) labels[Localities.ZoneLabel] = zone;
        if (subzone is not null) labels[Localities.SubzoneLabel] = subzone;
        Assert.Equal(expected, Localities.FromLabels(labels));
    }
}
