using System.Text.Json;
using Switchyard.Proxy.Runtime;

namespace Switchyard.Proxy.Admin;

/// <summary>The config part of <c>/stats</c>: each virtual host's routes with their weighted
/// destinations (the split the VirtualService asks for), and the rejected resources with file:line.</summary>
public static class StatsConfig
{
    public static void Write(Utf8JsonWriter json, ProxyState state, AdminData admin)
    {
        json.WriteStartArray("routes");
        var hosts = state.Snapshot.VirtualHosts.Values.Distinct().OrderBy(v => v.Name, StringComparer.Ordinal);
        foreach (var vhost in hosts)
            foreach (var route in vhost.Routes)
            {
                json.WriteStartObject();
                json.WriteString("host", vhost.Name);
                json.WriteString("route", route.Name);
                json.WriteString("source", route.Source.Span.ToString());
                json.WriteStartArray("destinations");
                foreach (var d in route.Destinations)
                {
                    json.WriteStartObject();
                    json.WriteString("cluster", d.ClusterName);
                    json.WriteNumber("weight", route.Destinations.Count == 1 ? 100 : d.Weight);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
        json.WriteEndArray();
        json.WriteStartArray("rejected");
        foreach (var d in admin.Rejected)
        {
            json.WriteStartObject();
            json.WriteString("source", d.Span.IsKnown ? d.Span.ToString() : "");
            json.WriteString("resource", d.Resource?.ToString() ?? "");
            json.WriteString("message", d.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
