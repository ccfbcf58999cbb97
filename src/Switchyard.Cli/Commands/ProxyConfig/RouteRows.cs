using System.Text.Json;

namespace Switchyard.Cli.Commands.ProxyConfig;

/// <summary>The <c>routes</c> and <c>listeners</c> tables, with istioctl's columns.</summary>
public static class RouteRows
{
    public static readonly string[] RouteColumns = ["NAME", "VHOST NAME", "DOMAINS", "MATCH", "VIRTUAL SERVICE"];
    public static readonly string[] ListenerColumns = ["ADDRESSES", "PORT", "MATCH", "DESTINATION"];

    /// <summary>One row per route of each virtual host. NAME is the route configuration, named by
    /// port as Istio names it (<c>80</c>); VHOST NAME is <c>host:port</c>; DOMAINS the names the host
    /// answers to besides its FQDN, shortened as istioctl does (<c>a, b + 2 more...</c>).</summary>
    public static IEnumerable<ProxyConfigRow> Routes(ProxyDump dump, ProxyConfigFilter f)
    {
        foreach (var vh in dump.VirtualHosts)
        {
            var host = ProxyDump.Str(vh, "name");
            var domains = ProxyDump.Array(vh, "domains").Select(d => d.GetString() ?? "").ToList();
            var port = domains.Select(d => d.LastIndexOf(':') is var i and > 0 ? d[(i + 1)..] : null).FirstOrDefault(p => p is not null) ?? "80";
            if (f.Name is not null && f.Name != port) continue;
            var names = domains.Where(d => !d.Contains(':') && d != host).ToList();
            var shown = names.Count <= 2 ? string.Join(", ", names) : $"{names[0]}, {names[1]} + {names.Count - 2} more...";
            foreach (var r in ProxyDump.Array(vh, "routes"))
                yield return new ProxyConfigRow([port, $"{host}:{port}", shown, Match(r), ProxyConfigRows.DottedName(ProxyDump.Str(r, "resource"), "VirtualService")], r);
        }
    }

    /// <summary>The outbound listener routes every request by its Host header (Istio's
    /// virtualOutbound on 15001 with HTTP routes); the admin listener serves the admin API.</summary>
    public static IEnumerable<ProxyConfigRow> Listeners(ProxyDump dump, ProxyConfigFilter f)
    {
        if (dump.Listeners is not { } listeners) yield break;
        foreach (var l in ProxyDump.Array(listeners, "listener_statuses"))
        {
            var socket = l.GetProperty("local_address").GetProperty("socket_address");
            var port = ProxyDump.Str(socket, "port_value");
            if (f.Port is not null && port != f.Port.ToString()) continue;
            var name = ProxyDump.Str(l, "name");
            var destination = name == "admin" ? "Admin API" : "Route: by Host header";
            yield return new ProxyConfigRow([ProxyDump.Str(socket, "address"), port, "ALL", destination], l);
        }
    }

    /// <summary>istioctl's MATCH: the path (<c>/*</c> for any, <c>/api*</c> for a prefix), then any
    /// header conditions; one entry per match block.</summary>
    public static string Match(JsonElement route)
    {
        var blocks = ProxyDump.Array(route, "match").ToList();
        if (blocks.Count == 0) return "/*";
        return string.Join(", ", blocks.Select(b =>
        {
            var path = "/*";
            if (b.TryGetProperty("uri", out var uri))
            {
                if (uri.TryGetProperty("prefix", out var p)) path = p.GetString() + "*";
                else if (uri.TryGetProperty("exact", out var e)) path = e.GetString()!;
                else if (uri.TryGetProperty("regex", out var x)) path = "regex:" + x.GetString();
            }
            if (b.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object)
                path += " " + string.Join(" ", headers.EnumerateObject().Select(h => $"{h.Name}={Value(h.Value)}"));
            return path;
        }));
    }

    private static string Value(JsonElement match) =>
        match.ValueKind == JsonValueKind.Object && match.EnumerateObject().FirstOrDefault() is { Value.ValueKind: JsonValueKind.String } kv
            ? kv.Name == "exact" ? kv.Value.GetString()! : $"{kv.Name}:{kv.Value.GetString()}"
            : match.ToString();
}
