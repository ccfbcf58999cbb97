namespace Switchyard.Proxy.LoadBalancing;

/// <summary>
/// Istio's <c>localityLbSetting.failoverPriority</c>: an ordered list of labels; an endpoint's
/// priority is how many of them, counted from the first, it does NOT share with the proxy
/// (all shared → 0, only the first → n-1, not even the first → n). An entry <c>key=value</c>
/// compares the endpoint's label with that value instead of the proxy's. The topology labels
/// (region, zone, subzone) are read from localities, as Istio reads them for both sides.
/// </summary>
internal static class FailoverPriority
{
    private const string Region = "topology.kubernetes.io/region";
    private const string Zone = "topology.kubernetes.io/zone";
    private const string Subzone = "topology.istio.io/subzone";

    public static SortedDictionary<int, List<EndpointState>> Assign(IReadOnlyList<string> labels, string? localLocality,
        IReadOnlyDictionary<string, string>? localLabels, IReadOnlyList<EndpointState> endpoints)
    {
        var local = Locality.Parse(localLocality);
        var byPriority = new SortedDictionary<int, List<EndpointState>>();
        foreach (var endpoint in endpoints)
        {
            var theirs = Locality.Parse(endpoint.Endpoint.Locality);
            var shared = 0;
            foreach (var entry in labels)
            {
                var eq = entry.IndexOf('=');
                var key = eq < 0 ? entry : entry[..eq];
                var wanted = eq < 0 ? Value(key, local, localLabels) : entry[(eq + 1)..];
                var have = Value(key, theirs, endpoint.Endpoint.Labels);
                if (string.IsNullOrEmpty(wanted) || wanted != have) break;
                shared++;
            }
            var priority = labels.Count - shared;
            if (!byPriority.TryGetValue(priority, out var list)) byPriority[priority] = list = [];
            list.Add(endpoint);
        }
        return byPriority;
    }

    private static string? Value(string key, Locality locality, IReadOnlyDictionary<string, string>? labels) => key switch
    {
        Region => locality.Region,
        Zone => locality.Zone,
        Subzone => locality.SubZone,
        _ => labels?.GetValueOrDefault(key),
    };
}
