using Switchyard.Diagnostics;
using Switchyard.Model.Networking;
using Switchyard.Model;
using Switchyard.Registry;
using Switchyard.Translation.Clusters;
using Switchyard.Translation.Policies.Retries;
using Switchyard.Translation.Routes;
using System.Text.Json.Nodes;
using System.Text.Json;

namespace Switchyard.Translation;

/// <summary>
/// The snapshot as JSON (admin /config_dump and golden tests): indented, every object's keys
/// sorted, lists in a stable order, so the same snapshot always gives the same text. Policy and
/// match records are written as the YAML fields they came from (camelCase, nulls left out).
/// </summary>
public static class SnapshotJson
{
    private static readonly JsonSerializerOptions OutputOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(MeshSnapshot snapshot)
    {
        var root = new JsonObject
        {
            ["version"] = snapshot.Version,
            ["virtualHosts"] = VirtualHosts(snapshot),
            ["clusters"] = new JsonArray(snapshot.Clusters.Values.OrderBy(c => c.Name, StringComparer.Ordinal).Select(Cluster).ToArray<JsonNode?>()),
            ["diagnostics"] = new JsonArray(snapshot.Diagnostics.Select(DiagnosticNode).ToArray<JsonNode?>()),
        };
        return Sorted(root)!.ToJsonString(OutputOptions) + "\n";
    }

    /// <summary>Each distinct virtual host once, with the keys that lead to it as its domains.</summary>
    private static JsonArray VirtualHosts(MeshSnapshot snapshot)
    {
        var groups = snapshot.VirtualHosts.GroupBy(kv => kv.Value, ReferenceEqualityComparer.Instance)
            .Select(g => (Host: (VirtualHost)g.Key!, Domains: g.Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList()))
            .OrderBy(g => g.Host.Name, StringComparer.Ordinal).ThenBy(g => g.Domains[0], StringComparer.Ordinal);
        return new JsonArray(groups.Select(g => (JsonNode?)new JsonObject
        {
            ["name"] = g.Host.Name,
            ["domains"] = Strings(g.Domains),
            ["routes"] = new JsonArray(g.Host.Routes.Select(Route).ToArray<JsonNode?>()),
        }).ToArray());
    }

    private static JsonNode Route(RouteEntry r)
    {
        var node = new JsonObject
        {
            ["name"] = r.Name,
            ["source"] = r.Source.Span.ToString(),
            ["resource"] = r.Source.Resource.ToString(),
            ["match"] = JsonNode.Parse(r.WrittenMatch),
            ["destinations"] = new JsonArray(r.Destinations.Select(d => (JsonNode?)new JsonObject { ["cluster"] = d.ClusterName, ["weight"] = d.Weight }).ToArray()),
        };
        // The retry policy in effect, which is Istio's default when the rule has none.
        if (r.Retries is { } retries && r.Destinations.Count > 0)
        {
            var retry = new JsonObject
            {
                ["numRetries"] = retries.NumRetries,
                ["retryOn"] = RetryOnParser.Format(retries.RetryOn),
            };
            if (retries.RetriableStatusCodes.Count > 0) retry["retriableStatusCodes"] = new JsonArray(retries.RetriableStatusCodes.Select(c => (JsonNode?)c).ToArray());
            if (retries.PerTryTimeout is { } perTry) retry["perTryTimeout"] = Duration.FromMilliseconds((long)perTry.TotalMilliseconds).ToString();
            node["retries"] = retry;
        }
        // The rule's other policies as written (timeout, fault, mirror, rewrite, redirect, ...).
        if (r.WrittenPolicies is { } policies) node["policies"] = JsonNode.Parse(policies);
        // What the proxy enforces of them, compiled (shares per million, as Envoy's FractionalPercent).
        if (RouteEnforcedJson.Of(r) is { } enforced) node["enforced"] = enforced;
        return node;
    }

    private static JsonNode Cluster(ClusterSpec c)
    {
        var node = new JsonObject
        {
            ["name"] = c.Name,
            ["host"] = c.Host,
            ["port"] = c.Port,
            ["policy"] = JsonSerializer.SerializeToNode(c.Policy, SnapshotRecordJson.Default.ClusterPolicy),
            ["endpoints"] = new JsonArray(c.Endpoints.Select(EndpointNode).ToArray<JsonNode?>()),
        };
        if (c.Subset is not null) node["subset"] = c.Subset;
        if (c.Source is { } s) node["source"] = $"{s.Resource} {s.Span}";
        return node;
    }

    private static JsonNode EndpointNode(Endpoint e)
    {
        var node = new JsonObject
        {
            ["address"] = e.ToString(),
            ["labels"] = JsonSerializer.SerializeToNode(e.Labels, SnapshotRecordJson.Default.IReadOnlyDictionaryStringString),
            ["weight"] = e.Weight,
        };
        if (e.Locality is not null) node["locality"] = e.Locality;
        return node;
    }

    private static JsonNode DiagnosticNode(Diagnostic d)
    {
        var node = new JsonObject { ["severity"] = d.Severity.ToString(), ["message"] = d.Message };
        if (d.Span.IsKnown) node["source"] = d.Span.ToString();
        if (d.Resource is { } r) node["resource"] = r.ToString();
        if (d.FieldPath is not null) node["field"] = d.FieldPath;
        if (d.Hint is not null) node["hint"] = d.Hint;
        return node;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary>A copy of the tree with every object's properties in ordinal key order.</summary>
    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => KeyValuePair.Create(kv.Key, Sorted(kv.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };
}
