using System.Text.Json.Nodes;

namespace Switchyard.Proxy.KubeApi.Patch;

/// <summary>
/// Strategic merge patch (<c>application/strategic-merge-patch+json</c>), what <c>kubectl
/// apply</c> and <c>kubectl edit</c> send for built-in kinds (a Service): a merge patch in which a
/// list of objects that share a merge key (<c>name</c>, <c>port</c>, <c>containerPort</c>,
/// <c>ip</c>) is merged element by element, an element with <c>$patch: delete</c> is removed, and
/// <c>$setElementOrder/&lt;list&gt;</c> orders the result. Other directives are read past.
/// </summary>
internal static class StrategicMergePatch
{
    private static readonly string[] MergeKeys = ["name", "port", "containerPort", "ip", "mountPath"];

    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject p) return patch?.DeepClone();
        if (p["$patch"]?.GetValue<string>() == "replace")
        {
            var copy = (JsonObject)p.DeepClone();
            copy.Remove("$patch");
            return copy;
        }
        var result = target as JsonObject ?? new JsonObject();
        foreach (var (key, value) in p)
        {
            if (key.StartsWith('$')) continue;
            if (value is null) result.Remove(key);
            else if (value is JsonArray list && result[key] is JsonArray current && MergeKey(list) is { } mergeKey)
                result[key] = MergeList(current, list, mergeKey, p[$"$setElementOrder/{key}"] as JsonArray);
            else result[key] = Apply(result[key]?.DeepClone(), value);
        }
        return result;
    }

    private static string? MergeKey(JsonArray list)
    {
        if (list.Count == 0 || !list.All(e => e is JsonObject)) return null;
        foreach (var k in MergeKeys)
            if (list.All(e => e!.AsObject().ContainsKey(k))) return k;
        return null;
    }

    private static JsonArray MergeList(JsonArray current, JsonArray patch, string key, JsonArray? order)
    {
        var items = current.Select(e => e!.DeepClone()).ToList();
        foreach (var p in patch.Cast<JsonObject>())
        {
            var id = p[key]?.ToJsonString();
            var at = items.FindIndex(e => e is JsonObject o && o[key]?.ToJsonString() == id);
            if (p["$patch"]?.GetValue<string>() == "delete")
            {
                if (at >= 0) items.RemoveAt(at);
            }
            else if (at >= 0) items[at] = Apply(items[at], p)!;
            else items.Add(Apply(null, p)!);
        }
        if (order is not null)
        {
            var rank = order.Select((o, i) => (o?[key]?.ToJsonString() ?? "", i)).ToDictionary(x => x.Item1, x => x.i);
            items = items.OrderBy(e => rank.GetValueOrDefault(e?[key]?.ToJsonString() ?? "", int.MaxValue)).ToList();
        }
        return new JsonArray(items.ToArray());
    }
}
