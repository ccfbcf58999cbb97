using System.Text.Json.Nodes;

namespace Switchyard.Proxy.KubeApi.Patch;

/// <summary>
/// <c>metadata.managedFields</c>: which manager (<c>kubectl-client-side-apply</c>,
/// <c>kubectl</c> for server-side apply, <c>kubectl-edit</c>) set which fields, by operation
/// (Apply or Update), as the API server records it. An update takes the fields it changed from
/// every other manager; an apply owns exactly the fields it applied.
/// </summary>
internal sealed class ManagedFields
{
    private readonly List<Entry> _entries;

    private sealed record Entry(string Manager, string Operation, string ApiVersion, string Time, HashSet<string> Fields);

    private ManagedFields(List<Entry> entries) => _entries = entries;

    public static ManagedFields Of(JsonObject? obj)
    {
        var entries = new List<Entry>();
        if (obj?["metadata"]?["managedFields"] is JsonArray list)
            foreach (var e in list.OfType<JsonObject>())
                entries.Add(new Entry(Str(e, "manager"), Str(e, "operation"), Str(e, "apiVersion"), Str(e, "time"), FieldSet.FromFieldsV1(e["fieldsV1"] as JsonObject)));
        return new ManagedFields(entries);
    }

    private static string Str(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    /// <summary>The managers other than (<paramref name="manager"/>, Apply) that own <paramref name="path"/>.</summary>
    public IEnumerable<string> OwnersOf(string path, string manager) =>
        _entries.Where(e => !(e.Manager == manager && e.Operation == "Apply") && e.Fields.Contains(path)).Select(e => e.Manager).Distinct();

    public HashSet<string> OwnedBy(string manager, string operation) =>
        _entries.FirstOrDefault(e => e.Manager == manager && e.Operation == operation)?.Fields ?? [];

    public bool OwnedByOthers(string path, string manager, string operation) =>
        _entries.Any(e => !(e.Manager == manager && e.Operation == operation) && e.Fields.Contains(path));

    /// <summary>Gives <paramref name="fields"/> to the manager: replaced for Apply, added to for Update; taken from the others.</summary>
    public void Record(string manager, string operation, string apiVersion, string time, IReadOnlyCollection<string> fields)
    {
        foreach (var e in _entries) e.Fields.ExceptWith(fields);
        var at = _entries.FindIndex(e => e.Manager == manager && e.Operation == operation);
        var owned = new HashSet<string>(fields, StringComparer.Ordinal);
        if (at >= 0 && operation == "Update") owned.UnionWith(_entries[at].Fields);
        var entry = new Entry(manager, operation, apiVersion, time, owned);
        if (at >= 0) _entries[at] = entry;
        else _entries.Add(entry);
    }

    /// <summary>Writes the entries to <paramref name="obj"/>, keeping only fields it still sets; empty entries go.</summary>
    public void WriteTo(JsonObject obj)
    {
        var leaves = FieldSet.Leaves(obj);
        var list = new JsonArray();
        foreach (var e in _entries)
        {
            e.Fields.IntersectWith(leaves);
            if (e.Fields.Count == 0) continue;
            list.Add((JsonNode)new JsonObject
            {
                ["manager"] = e.Manager,
                ["operation"] = e.Operation,
                ["apiVersion"] = e.ApiVersion,
                ["time"] = e.Time,
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = FieldSet.ToFieldsV1(e.Fields),
            });
        }
        var meta = (JsonObject)obj["metadata"]!;
        if (list.Count > 0) meta["managedFields"] = list;
        else meta.Remove("managedFields");
    }
}
