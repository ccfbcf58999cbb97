using System.Text.Json.Nodes;

namespace Switchyard.Proxy.KubeApi.Patch;

/// <summary>
/// The fields an object sets, as server-side apply tracks ownership: every leaf path (a scalar,
/// a list, an empty map), lists atomic as in Istio's CRD schemas. Written in
/// <c>managedFields[].fieldsV1</c> as Kubernetes does: <c>{"f:spec": {"f:hosts": {}}}</c>.
/// The object's identity and server-set metadata are nobody's.
/// </summary>
internal static class FieldSet
{
    private const char Sep = '\n';
    private static readonly HashSet<string> ServerOwned =
        ["metadata\nname", "metadata\nnamespace", "metadata\nresourceVersion", "metadata\nuid", "metadata\ngeneration",
         "metadata\ncreationTimestamp", "metadata\nmanagedFields", "apiVersion", "kind", "status"];

    public static HashSet<string> Leaves(JsonObject obj)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        Walk(obj, "", set);
        return set;
    }

    private static void Walk(JsonObject obj, string prefix, HashSet<string> set)
    {
        foreach (var (key, value) in obj)
        {
            var path = prefix.Length == 0 ? key : prefix + Sep + key;
            if (ServerOwned.Contains(path)) continue;
            if (value is JsonObject { Count: > 0 } child) Walk(child, path, set);
            else set.Add(path);
        }
    }

    public static JsonNode? At(JsonObject obj, string path)
    {
        JsonNode? at = obj;
        foreach (var key in path.Split(Sep))
        {
            if (at is not JsonObject o || !o.TryGetPropertyValue(key, out at)) return null;
        }
        return at;
    }

    public static bool Has(JsonObject obj, string path)
    {
        var keys = path.Split(Sep);
        JsonNode? at = obj;
        foreach (var key in keys)
            if (at is not JsonObject o || !o.TryGetPropertyValue(key, out at)) return false;
        return true;
    }

    public static void Remove(JsonObject obj, string path)
    {
        var keys = path.Split(Sep);
        JsonNode? at = obj;
        foreach (var key in keys[..^1])
            if (at is not JsonObject o || !o.TryGetPropertyValue(key, out at)) return;
        (at as JsonObject)?.Remove(keys[^1]);
    }

    /// <summary><c>.spec.hosts</c>: how a conflict names the field.</summary>
    public static string Display(string path) => "." + path.Replace(Sep, '.');

    public static JsonObject ToFieldsV1(IEnumerable<string> paths)
    {
        var root = new JsonObject();
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var at = root;
            foreach (var key in path.Split(Sep))
            {
                if (at["f:" + key] is not JsonObject next) at["f:" + key] = next = new JsonObject();
                at = next;
            }
        }
        return root;
    }

    public static HashSet<string> FromFieldsV1(JsonObject? fields)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (fields is not null) Read(fields, "", set);
        return set;
    }

    private static void Read(JsonObject node, string prefix, HashSet<string> set)
    {
        foreach (var (key, value) in node)
        {
            if (key == ".") { if (prefix.Length > 0) set.Add(prefix); continue; }
            if (!key.StartsWith("f:", StringComparison.Ordinal)) { if (prefix.Length > 0) set.Add(prefix); continue; }
            var path = prefix.Length == 0 ? key[2..] : prefix + Sep + key[2..];
            if (value is JsonObject { Count: > 0 } child) Read(child, path, set);
            else set.Add(path);
        }
    }
}
