using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchyard.Explain;

/// <summary><c>explain -o json</c>: the same explanation as one JSON object.</summary>
public static class ExplanationJson
{
    public static string Write(Explanation e)
    {
        var root = new JsonObject
        {
            ["request"] = new JsonObject
            {
                ["method"] = e.Request.Method,
                ["authority"] = e.Request.Authority,
                ["path"] = e.Request.Path,
                ["headers"] = new JsonObject((e.Request.Headers ?? new Dictionary<string, string>()).Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))),
            },
            ["virtualHost"] = e.VirtualHost,
            ["route"] = e.Route?.ToString(),
            ["rules"] = new JsonArray(e.Rules.Select(r => (JsonNode?)new JsonObject
            {
                ["index"] = r.Index,
                ["name"] = r.Name,
                ["source"] = r.Span.ToString(),
                ["matched"] = r.Matched,
                ["failed"] = Strings(r.FailedConditions),
            }).ToArray()),
            ["destinations"] = new JsonArray(e.Destinations.Select(d => (JsonNode?)new JsonObject
            {
                ["cluster"] = d.ClusterName,
                ["host"] = d.Host,
                ["subset"] = d.Subset,
                ["weight"] = d.Weight,
                ["exists"] = d.Cluster is not null,
                ["policy"] = d.Cluster is null ? null : Strings(d.Cluster.Policy),
                ["endpoints"] = d.Cluster is null ? null : Strings(d.Cluster.Endpoints),
                ["workloads"] = d.Cluster is null ? null : Strings(d.Cluster.Workloads),
            }).ToArray()),
            ["routePolicy"] = Strings(e.RoutePolicy),
            ["verdict"] = new JsonObject
            {
                ["status"] = e.Verdict.Status,
                ["responseFlags"] = e.Verdict.Flag,
                ["message"] = e.Verdict.Message,
                ["hint"] = e.Verdict.Hint,
            },
            ["nearestHosts"] = Strings(e.NearestHosts),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());
}
