using Switchyard.Diagnostics;
using Switchyard.Model;

namespace Switchyard.Loading;

/// <summary>
/// Turns one parsed document into a typed resource: checks the envelope (apiVersion, kind,
/// <c>kind: List</c> items), picks the model type, binds it and fills in the namespace.
/// One per load: it keeps the buffers and shared strings that documents reuse.
/// </summary>
internal sealed class DocumentBinder(string defaultNamespace, LoadResult result)
{
    private readonly ScalarStrings _strings = new();
    private readonly List<SpanEntry> _spans = new();

    public void Bind(YamlTape tape) => Bind(tape, 0);

    private void Bind(YamlTape tape, int doc)
    {
        doc = tape.Resolve(doc);
        if (tape[doc].Kind != YamlNodeKind.Mapping)
        {
            result.FieldErrors.Add(Diagnostic.Error($"expected a Kubernetes object (a map with apiVersion and kind), got {tape.Describe(doc)}", tape.SpanOf(doc)));
            return;
        }
        var apiVersion = ScalarText(tape, doc, "apiVersion");
        var kind = ScalarText(tape, doc, "kind");
        if (string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(apiVersion))
        {
            var missing = string.IsNullOrEmpty(kind) ? "kind" : "apiVersion";
            result.FieldErrors.Add(Diagnostic.Error($"missing {missing}: every document must name its apiVersion and kind", tape.SpanOf(doc), path: missing));
            return;
        }
        var itemsNode = Get(tape, doc, "items");
        if (kind == "List" || kind.EndsWith("List", StringComparison.Ordinal) && itemsNode >= 0)
        {
            if (itemsNode < 0) return;
            if (tape[itemsNode].Kind == YamlNodeKind.Sequence)
            {
                var count = tape[itemsNode].Count;
                var item = itemsNode + 1;
                for (var i = 0; i < count; i++, item = tape[item].End) Bind(tape, item);
            }
            else
            {
                result.FieldErrors.Add(Diagnostic.Error($"items: expected a list, got {tape.Describe(itemsNode)}", tape.SpanOf(itemsNode), path: "items"));
            }
            return;
        }

        var (group, version) = ResourceKinds.SplitApiVersion(apiVersion);
        var info = ResourceKinds.Find(group, kind);
        var metadata = Get(tape, doc, "metadata");
        var name = metadata >= 0 && tape[metadata].Kind == YamlNodeKind.Mapping && Get(tape, metadata, "name") is >= 0 and var n
            && tape[n].Kind == YamlNodeKind.Scalar ? _strings.Get(tape.Text(n)) : "";
        var metaNs = metadata >= 0 && tape[metadata].Kind == YamlNodeKind.Mapping ? ScalarText(tape, metadata, "namespace") ?? "" : "";
        var resourceRef = new ResourceRef(kind, metaNs.Length > 0 ? metaNs : defaultNamespace, name);
        if (info is null)
        {
            result.Skipped.Add(new SkippedDocument(apiVersion, kind, name, tape.SpanOf(doc)));
            if (UnenforcedKinds.WarningFor(group, apiVersion, kind, resourceRef, tape.SpanOf(doc)) is { } warning) result.Warnings.Add(warning);
            return;
        }
        if (!info.Versions.Contains(version))
        {
            result.FieldErrors.Add(Diagnostic.Error(
                $"unsupported apiVersion \"{apiVersion}\" for {kind} (served: {string.Join(", ", info.Versions.Select(v => Join(info.Group, v)))})",
                tape.SpanOf(Get(tape, doc, "apiVersion")), resourceRef, "apiVersion"));
            return;
        }

        _spans.Clear();
        var binder = new ModelBinder(tape, _strings, result.FieldErrors, _spans, resourceRef);
        var resource = (Resource)binder.BindObject(info.Type, doc, -1);
        if (binder.OutOfBudget) return;
        var meta = resource.Metadata;
        if (string.IsNullOrEmpty(meta.Namespace)) meta = meta with { Namespace = defaultNamespace };
        result.Resources.Add(resource with { Metadata = meta, Spans = new SpanIndex(_spans.ToArray(), tape.SpanOf(doc)) });
    }

    private static string Join(string group, string version) => group.Length == 0 ? version : $"{group}/{version}";

    /// <summary>The value node of <paramref name="key"/> in a mapping (the first, as the binder reads it), or -1.</summary>
    private static int Get(YamlTape tape, int map, string key)
    {
        var count = tape[map].Count;
        var child = map + 1;
        for (var i = 0; i < count; i++)
        {
            var value = tape[child].End;
            if (tape.Text(tape.Resolve(child)).SequenceEqual(key)) return tape.Resolve(value);
            child = tape[value].End;
        }
        return -1;
    }

    private string? ScalarText(YamlTape tape, int map, string key)
    {
        var node = Get(tape, map, key);
        return node >= 0 && tape[node].Kind == YamlNodeKind.Scalar && !tape.Scalar(node).IsNull ? _strings.Get(tape.Text(node)) : null;
    }
}
