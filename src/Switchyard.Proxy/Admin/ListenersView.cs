using System.Text;
using System.Text.Json;

namespace Switchyard.Proxy.Admin;

/// <summary>Envoy's <c>GET /listeners</c>: <c>name::address</c> lines, or with
/// <c>?format=json</c> <c>listener_statuses[]</c> with each <c>local_address</c>.</summary>
public static class ListenersView
{
    public static string Text(IReadOnlyList<(string Name, Uri Uri)> listeners) =>
        string.Concat(listeners.Select(l => $"{l.Name}::{l.Uri.Host}:{l.Uri.Port}\n"));

    public static string Json(IReadOnlyList<(string Name, Uri Uri)> listeners)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("listener_statuses");
            foreach (var (name, uri) in listeners)
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteStartObject("local_address");
                json.WriteStartObject("socket_address");
                json.WriteString("address", uri.Host.Trim('[', ']'));
                json.WriteNumber("port_value", uri.Port);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
