using System.Text.Json.Nodes;

namespace Switchyard.Proxy.KubeApi.Patch;

/// <summary>
/// JSON patch (RFC 6902, <c>application/json-patch+json</c>, <c>kubectl patch --type=json</c>):
/// add, remove, replace, move, copy and test on JSON pointers. An operation that does not apply
/// (a missing path, a failed test) refuses the whole patch.
/// </summary>
internal static class JsonPatch
{
    public static JsonNode Apply(JsonNode target, JsonArray ops)
    {
        var doc = target.DeepClone();
        foreach (var op in ops)
        {
            if (op is not JsonObject o) throw Fail("each operation must be an object");
            var path = o["path"]?.GetValue<string>() ?? throw Fail("missing path");
            switch (o["op"]?.GetValue<string>())
            {
                case "add": doc = Add(doc, path, o["value"]?.DeepClone(), replace: false); break;
                case "replace": Remove(doc, path); doc = Add(doc, path, o["value"]?.DeepClone(), replace: true); break;
                case "remove": Remove(doc, path); break;
                case "move":
                    var moved = Get(doc, o["from"]?.GetValue<string>() ?? throw Fail("missing from"));
                    Remove(doc, o["from"]!.GetValue<string>());
                    doc = Add(doc, path, moved?.DeepClone(), replace: false);
                    break;
                case "copy": doc = Add(doc, path, Get(doc, o["from"]?.GetValue<string>() ?? throw Fail("missing from"))?.DeepClone(), replace: false); break;
                case "test":
                    if (!JsonNode.DeepEquals(Get(doc, path), o["value"])) throw Fail($"testing value {path} failed");
                    break;
                default: throw Fail($"unexpected kind of operation: {o["op"]?.ToJsonString()}");
            }
        }
        return doc;
    }

    private static StatusError Fail(string why) => new(422, "Invalid", $"the server rejected our request due to an error in our request: {why}");

    private static string[] Tokens(string pointer) =>
        pointer.Length == 0 ? [] : pointer[1..].Split('/').Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToArray();

    private static JsonNode? Get(JsonNode doc, string pointer)
    {
        JsonNode? at = doc;
        foreach (var t in Tokens(pointer))
            at = at switch
            {
                JsonObject o when o.ContainsKey(t) => o[t],
                JsonArray a when int.TryParse(t, out var i) && i >= 0 && i < a.Count => a[i],
                _ => throw Fail($"doc is missing path: {pointer}"),
            };
        return at;
    }

    private static JsonNode Add(JsonNode doc, string pointer, JsonNode? value, bool replace)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0) return value ?? throw Fail("cannot replace the document with null");
        var parent = Get(doc, ParentPointer(tokens));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o: o[last] = value; break;
            case JsonArray a when last == "-": a.Add(value); break;
            case JsonArray a when int.TryParse(last, out var i) && i >= 0 && i <= a.Count: a.Insert(i, value); break;
            default: throw Fail($"doc is missing path: {pointer}");
        }
        return doc;
    }

    private static void Remove(JsonNode doc, string pointer)
    {
        var tokens = Tokens(pointer);
        var parent = Get(doc, ParentPointer(tokens));
        var last = tokens[^1];
        var removed = parent switch
        {
            JsonObject o => o.Remove(last),
            JsonArray a when int.TryParse(last, out var i) && i >= 0 && i < a.Count => Do(() => a.RemoveAt(i)),
            _ => false,
        };
        if (!removed) throw Fail($"unable to remove nonexistent key: {last}");
    }

    private static string ParentPointer(string[] tokens) =>
        string.Concat(tokens[..^1].Select(t => "/" + t.Replace("~", "~0").Replace("/", "~1")));

    private static bool Do(Action a)
    {
        a();
        return true;
    }
}
