using System.Text.Json;

namespace Switchyard.Cli.Commands.ProxyConfig;

/// <summary>One table row and the JSON element it was read from (printed by <c>-o json|yaml</c>).</summary>
public sealed record ProxyConfigRow(IReadOnlyList<string> Cells, JsonElement Source);

/// <summary>The filters istioctl's proxy-config takes; null means "any".</summary>
public sealed record ProxyConfigFilter(string? Fqdn, uint? Port, string? Subset, string? Direction, string? Name, string? Cluster, string? Status)
{
    public static readonly ProxyConfigFilter None = new(null, null, null, null, null, null, null);
}

/// <summary>The rows of each <c>proxy-config</c> table, with istioctl's columns.</summary>
public static class ProxyConfigRows
{
    public static readonly string[] ClusterColumns = ["SERVICE FQDN", "PORT", "SUBSET", "DIRECTION", "TYPE", "DESTINATION RULE"];
    public static readonly string[] EndpointColumns = ["ENDPOINT", "STATUS", "OUTLIER CHECK", "CLUSTER"];

    /// <summary>Every cluster: its host, port, subset (<c>-</c> for none), outbound, EDS, and the
    /// DestinationRule that shaped it as <c>name.namespace</c>; sorted by FQDN, port and subset as istioctl sorts.</summary>
    public static IEnumerable<ProxyConfigRow> Clusters(ProxyDump dump, ProxyConfigFilter f) =>
        from c in dump.Clusters
        orderby ProxyDump.Str(c, "host"), c.GetProperty("port").GetUInt32(), ProxyDump.Str(c, "subset")
        let fqdn = ProxyDump.Str(c, "host")
        let port = ProxyDump.Str(c, "port")
        let subset = ProxyDump.Str(c, "subset")
        where f.Fqdn is null || fqdn == f.Fqdn || fqdn.StartsWith(f.Fqdn + ".", StringComparison.Ordinal)
        where f.Port is null || port == f.Port.ToString()
        where f.Subset is null || subset == f.Subset
        where f.Direction is null || f.Direction == "outbound"
        select new ProxyConfigRow([fqdn, port, subset.Length == 0 ? "-" : subset, "outbound", "EDS", DottedName(ProxyDump.Str(c, "source"), "DestinationRule")], c);

    /// <summary>Every endpoint of every cluster: live health and outlier ejection from
    /// <c>/clusters</c> when read from a running proxy; HEALTHY and OK from a dump or files.</summary>
    public static IEnumerable<ProxyConfigRow> Endpoints(ProxyDump dump, ProxyConfigFilter f)
    {
        var rows = new List<ProxyConfigRow>();
        if (dump.ClusterStatuses is { } statuses)
        {
            foreach (var c in ProxyDump.Array(statuses, "cluster_statuses"))
                foreach (var h in ProxyDump.Array(c, "host_statuses"))
                {
                    var socket = h.GetProperty("address").GetProperty("socket_address");
                    var health = h.GetProperty("health_status");
                    var ejected = health.TryGetProperty("failed_outlier_check", out var failed) && failed.GetBoolean();
                    var address = ProxyDump.Str(socket, "address");
                    var endpoint = $"{(address.Contains(':') ? $"[{address}]" : address)}:{ProxyDump.Str(socket, "port_value")}";
                    rows.Add(new ProxyConfigRow([endpoint, ejected ? "UNHEALTHY" : ProxyDump.Str(health, "eds_health_status"), ejected ? "FAILED" : "OK", ProxyDump.Str(c, "name")], h));
                }
        }
        else
        {
            foreach (var c in dump.Clusters)
                foreach (var e in ProxyDump.Array(c, "endpoints"))
                    rows.Add(new ProxyConfigRow([ProxyDump.Str(e, "address"), "HEALTHY", "OK", ProxyDump.Str(c, "name")], e));
        }
        return rows.Where(r => (f.Cluster is null || r.Cells[3] == f.Cluster)
            && (f.Status is null || string.Equals(r.Cells[1], f.Status, StringComparison.OrdinalIgnoreCase))
            && (f.Port is null || r.Cells[0].EndsWith(":" + f.Port, StringComparison.Ordinal)));
    }

    /// <summary><c>DestinationRule default/frontend file:line</c> → <c>frontend.default</c>, as istioctl
    /// names resources; empty when the source is not of <paramref name="kind"/>.</summary>
    public static string DottedName(string source, string kind)
    {
        var parts = source.Split(' ');
        if (parts.Length < 2 || parts[0] != kind) return "";
        var slash = parts[1].IndexOf('/');
        return slash < 0 ? parts[1] : $"{parts[1][(slash + 1)..]}.{parts[1][..slash]}";
    }
}
