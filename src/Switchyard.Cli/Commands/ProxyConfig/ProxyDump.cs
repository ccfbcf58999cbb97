using System.Text.Json;

namespace Switchyard.Cli.Commands.ProxyConfig;

/// <summary>What <c>proxy-config</c> reads from a proxy: its <c>/config_dump</c>, and when it is
/// live, its <c>/clusters?format=json</c> (endpoint health and ejection) and
/// <c>/listeners?format=json</c>. A saved dump or a config directory gives the first only.</summary>
public sealed class ProxyDump(JsonElement config, JsonElement? clusters, JsonElement? listeners)
{
    public JsonElement Config { get; } = config;

    /// <summary>Envoy's <c>cluster_statuses</c>; null when not read from a running proxy.</summary>
    public JsonElement? ClusterStatuses { get; } = clusters;

    public JsonElement? Listeners { get; } = listeners;

    public IEnumerable<JsonElement> Clusters => Array(Config, "clusters");

    public IEnumerable<JsonElement> VirtualHosts => Array(Config, "virtualHosts");

    public static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : [];

    public static string Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.ToString() : "";

    /// <summary>Parses a dump's text; a dump that is not Switchyard's (no clusters or virtual hosts) is an error.</summary>
    public static JsonElement ParseConfig(string text, string from)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException e)
        {
            throw new ProxyConfigException($"{from}: not JSON ({e.Message})");
        }
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("clusters", out _) || !root.TryGetProperty("virtualHosts", out _))
            throw new ProxyConfigException($"{from}: not a Switchyard config dump (no clusters or virtualHosts)");
        return root;
    }
}
