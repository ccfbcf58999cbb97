using System.Globalization;
using System.Text.Json.Nodes;

namespace Switchyard.Proxy.KubeApi;

/// <summary>
/// The metadata the API server sets, not the client: <c>uid</c> and <c>creationTimestamp</c> on
/// create (kept on every update), <c>generation</c> 1 on create and one more whenever anything
/// but metadata and status changes, <c>resourceVersion</c> by the store.
/// </summary>
internal static class ObjectMetadata
{
    public static string Now(TimeProvider time) =>
        time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Meta(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject m) return m;
        var meta = new JsonObject();
        obj["metadata"] = meta;
        return meta;
    }

    public static string? String(JsonObject obj, string key) =>
        Meta(obj)[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static void OnCreate(JsonObject obj, TimeProvider time)
    {
        var meta = Meta(obj);
        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = Now(time);
        meta["generation"] = 1;
        meta.Remove("resourceVersion");
    }

    public static void OnUpdate(JsonObject obj, JsonObject live)
    {
        var meta = Meta(obj);
        var old = Meta(live);
        meta["uid"] = old["uid"]?.DeepClone();
        meta["creationTimestamp"] = old["creationTimestamp"]?.DeepClone();
        var generation = old["generation"] is JsonValue g && g.TryGetValue<long>(out var n) ? n : 1;
        meta["generation"] = SpecChanged(obj, live) ? generation + 1 : generation;
    }

    /// <summary>An object read from a file the API did not write (no uid yet): stamped as if created now.</summary>
    public static void OnLoad(JsonObject obj, TimeProvider time)
    {
        var meta = Meta(obj);
        if (meta["uid"] is null) meta["uid"] = Guid.NewGuid().ToString();
        if (meta["creationTimestamp"] is null) meta["creationTimestamp"] = Now(time);
        if (meta["generation"] is null) meta["generation"] = 1;
    }

    /// <summary>The same object but for what the server stamps on it (a file written by hand has none of that).</summary>
    public static bool SameContent(JsonObject stored, JsonObject onDisk) => JsonNode.DeepEquals(Content(stored), Content(onDisk));

    private static JsonObject Content(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        if (copy["metadata"] is JsonObject meta)
            foreach (var key in new[] { "resourceVersion", "uid", "creationTimestamp", "generation" }) meta.Remove(key);
        return copy;
    }

    private static bool SpecChanged(JsonObject a, JsonObject b)
    {
        var keys = a.Select(p => p.Key).Concat(b.Select(p => p.Key)).Where(k => k is not ("metadata" or "status" or "apiVersion" or "kind")).Distinct();
        return keys.Any(k => !JsonNode.DeepEquals(a[k], b[k]));
    }
}
