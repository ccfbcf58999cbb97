namespace Switchyard.Proxy.LoadBalancing;

/// <summary>A <c>region/zone/subzone</c> locality (Istio's topology labels joined by slashes);
/// missing parts are empty.</summary>
internal readonly record struct Locality(string Region, string Zone, string SubZone)
{
    public static Locality Parse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return new Locality("", "", "");
        var parts = text.Split('/', 3);
        return new Locality(parts[0], parts.Length > 1 ? parts[1] : "", parts.Length > 2 ? parts[2] : "");
    }

    /// <summary>Istio's <c>util.LbPriority</c>: 0 same subzone, 1 same zone, 2 same region, 3 other.</summary>
    public int PriorityOf(Locality endpoint) =>
        Region != endpoint.Region ? 3 : Zone != endpoint.Zone ? 2 : SubZone != endpoint.SubZone ? 1 : 0;

    /// <summary>Istio's <c>util.LocalityMatch</c>: a rule <c>region/zone/subzone</c> where a part may
    /// be <c>*</c>, and missing zone or subzone match anything.</summary>
    public bool Matches(string rule)
    {
        var r = Parse(rule);
        return (r.Region == "*" || r.Region == Region)
            && (r.Zone is "*" or "" || r.Zone == Zone)
            && (r.SubZone is "*" or "" || r.SubZone == SubZone);
    }

    public override string ToString() => $"{Region}/{Zone}/{SubZone}";
}
