using Switchyard.Diagnostics;
using Switchyard.Model;

namespace Switchyard.Loading;

/// <summary>
/// Turns one parsed document into a typed resource: checks the envelope (apiVersion, kind,
/// <c>kind: List</c> items), picks the model type, binds it and fills in the namespace.
/// </summary>
internal static class DocumentBinder
{
    public static void Bind(YamlNode doc, string defaultNamespace, LoadResult result)
    {
        if (doc is not YamlMapping map)
        {
            result.FieldErrors.Add(Diagnostic.Error($"expected a Kubernetes object (a map with apiVersion and kind), got {doc.Describe()}", doc.Span));
            return;
        }
        var apiVersion = ScalarText(map, "apiVersion");
        var kind = ScalarText(map, "kind");
        if (string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(apiVersion))
        {
            var missing = string.IsNullOrEmpty(kind) ? "kind" : "apiVersion";
            result.FieldErrors.Add(Diagnostic.Error($"missing {missing}: every document must name its apiVersion and kind", doc.Span, path: missing));
            return;
        }
        if (kind == "List" || kind.EndsWith("List", StringComparison.Ordinal) && map.Get("items") is not null)
        {
            if (map.Get("items") is YamlSequence items)
                foreach (var item in items.Items) Bind(item, defaultNamespace, result);
            else if (map.Get("items") is { } notList)
                result.FieldErrors.Add(Diagnostic.Error($"items: expected a list, got {notList.Describe()}", notList.Span, path: "items"));
            return;
        }

        var (group, version) = ResourceKinds.SplitApiVersion(apiVersion);
        var info = ResourceKinds.Find(group, kind);
        var name = (map.Get("metadata") as YamlMapping)?.Get("name") is YamlScalar n ? n.Value : "";
        if (info is null)
        {
            result.Skipped.Add(new SkippedDocument(apiVersion, kind, name, doc.Span));
            return;
        }
        var metaNs = (map.Get("metadata") as YamlMapping)?.Get("namespace") is YamlScalar ns && !ns.IsNull ? ns.Value : "";
        var resourceRef = new ResourceRef(kind, metaNs.Length > 0 ? metaNs : defaultNamespace, name);
        if (!info.Versions.Contains(version))
        {
            result.FieldErrors.Add(Diagnostic.Error(
                $"unsupported apiVersion \"{apiVersion}\" for {kind} (served: {string.Join(", ", info.Versions.Select(v => Join(info.Group, v)))})",
                map.Get("apiVersion")!.Span, resourceRef, "apiVersion"));
            return;
        }

        var spans = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        var binder = new ModelBinder(result.FieldErrors, spans, () => resourceRef);
        var resource = (Resource)binder.BindObject(info.Type, map, "");
        if (binder.OutOfBudget) return;
        var meta = resource.Metadata;
        if (string.IsNullOrEmpty(meta.Namespace)) meta = meta with { Namespace = defaultNamespace };
        result.Resources.Add(resource with { Metadata = meta, Spans = new SpanIndex(spans, doc.Span) });
    }

    private static string Join(string group, string version) => group.Length == 0 ? version : $"{group}/{version}";

    private static string? ScalarText(YamlMapping map, string key) =>
        map.Get(key) is YamlScalar { IsNull: false } s ? s.Value : null;
}
