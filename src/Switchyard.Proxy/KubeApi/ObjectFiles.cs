using System.Text;
using System.Text.Json.Nodes;
using Switchyard.Loading;

namespace Switchyard.Proxy.KubeApi;

/// <summary>
/// The config directory as the API's storage: an object the API creates is one YAML file,
/// <c>DIR/&lt;namespace&gt;/&lt;kind&gt;-&lt;name&gt;.yaml</c> (<c>DIR/_cluster/...</c> for a
/// Namespace or Node), written atomically (a hidden temp file renamed into place, so the file
/// source never reads half a file) and then applied by the file source like any edit. An object
/// that came from a hand-written file stays in it; a file of several objects is rewritten whole.
/// </summary>
internal sealed class ObjectFiles(string root)
{
    // Each file as the API last wrote it (modification time and length): a sync skips those, so
    // it reads only files someone else changed.
    private readonly Dictionary<string, (DateTime Modified, long Length)> _written = new(StringComparer.Ordinal);

    public string Root { get; } = Path.GetFullPath(root);

    public string PathFor(ObjectKey key) =>
        Path.Combine(Root, key.Namespace.Length == 0 ? "_cluster" : key.Namespace, $"{key.Resource.Singular}-{key.Name}.yaml");

    /// <summary>Writes the objects of one file, or deletes it when none is left.</summary>
    public void Write(string path, IReadOnlyList<StoredObject> objects)
    {
        if (objects.Count == 0)
        {
            if (File.Exists(path)) File.Delete(path);
            _written.Remove(path);
            return;
        }
        var text = new StringBuilder();
        foreach (var o in objects)
        {
            if (text.Length > 0) text.Append("---\n");
            text.Append(JsonToYaml.Write(o.Object));
        }
        var dir = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(dir);
        // ".." hides the temp file from the file source, as kubelet's atomic writer hides its own.
        var temp = Path.Combine(dir, $"..{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temp, text.ToString());
        File.Move(temp, path, overwrite: true);
        _written[path] = Stamp(path);
    }

    private static (DateTime, long) Stamp(string path)
    {
        var info = new FileInfo(path);
        return (info.LastWriteTimeUtc, info.Length);
    }

    /// <summary>Whether the file is as the API last wrote it.</summary>
    public bool Unchanged(string path) => _written.TryGetValue(path, out var w) && File.Exists(path) && Stamp(path) == w;

    /// <summary>Every object of a served kind in the config files, with the file it came from.
    /// Files that do not parse are left to the file source to report.</summary>
    public List<(ObjectKey Key, JsonObject Object, string File)> ReadAll(string defaultNamespace, ISet<string>? unchanged = null)
    {
        var found = new List<(ObjectKey, JsonObject, string)>();
        if (!Directory.Exists(Root)) return found;
        foreach (var file in ConfigFiles.FilesUnder(Root))
        {
            if (unchanged is not null && Unchanged(file))
            {
                unchanged.Add(file);
                continue;
            }
            List<JsonNode> docs;
            try
            {
                docs = YamlToJson.Documents(ConfigText.ReadAllText(file));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException or InvalidCastException)
            {
                continue;
            }
            foreach (var doc in docs)
                if (doc is JsonObject obj && KeyOf(obj, defaultNamespace) is { } key) found.Add((key, obj, file));
        }
        return found;
    }

    /// <summary>The key of a stored document, or null for one the API does not serve.</summary>
    public static ObjectKey? KeyOf(JsonObject obj, string defaultNamespace)
    {
        var (group, _) = ResourceKinds.SplitApiVersion(obj["apiVersion"]?.GetValue<string>() ?? "");
        var resource = ApiResources.ByKind(group, obj["kind"]?.GetValue<string>() ?? "");
        if (resource is null || obj["metadata"]?["name"]?.GetValue<string>() is not { Length: > 0 } name) return null;
        var ns = resource.Namespaced ? obj["metadata"]?["namespace"]?.GetValue<string>() ?? defaultNamespace : "";
        if (resource.Namespaced) obj["metadata"]!["namespace"] = ns;
        return new ObjectKey(resource, ns, name);
    }
}
