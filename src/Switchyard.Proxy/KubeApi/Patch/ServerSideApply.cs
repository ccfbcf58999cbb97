using System.Text.Json.Nodes;

namespace Switchyard.Proxy.KubeApi.Patch;

/// <summary>
/// Server-side apply (<c>application/apply-patch+yaml</c>, <c>kubectl apply --server-side</c>):
/// the applied configuration is merged into the live object (maps merge, lists are atomic as in
/// Istio's CRD schemas); fields the manager applied last time and leaves out now are removed
/// unless another manager also owns them; a field another manager owns with a different value is
/// a conflict (409, each field named) unless <c>--force-conflicts</c> takes it over.
/// </summary>
internal static class ServerSideApply
{
    public static JsonObject Apply(ApiResource resource, string name, JsonObject? live, JsonObject applied, string manager, bool force, string apiVersion, string time)
    {
        var fields = ManagedFields.Of(live);
        var appliedFields = FieldSet.Leaves(applied);
        var result = (JsonObject)(live?.DeepClone() ?? new JsonObject());
        if (live is not null && !force)
        {
            var conflicts = new List<(string Manager, string Path)>();
            foreach (var path in appliedFields)
            {
                if (JsonNode.DeepEquals(FieldSet.At(live, path), FieldSet.At(applied, path)) || !FieldSet.Has(live, path)) continue;
                foreach (var owner in fields.OwnersOf(path, manager)) conflicts.Add((owner, path));
            }
            if (conflicts.Count > 0) throw Conflict(resource, name, conflicts, apiVersion);
        }
        foreach (var path in fields.OwnedBy(manager, "Apply"))
            if (!appliedFields.Contains(path) && !fields.OwnedByOthers(path, manager, "Apply")) FieldSet.Remove(result, path);
        var merged = (JsonObject)MergePatch.Apply(result, WithoutNulls(applied))!;
        fields.Record(manager, "Apply", apiVersion, time, appliedFields);
        fields.WriteTo(merged);
        return merged;
    }

    private static JsonNode WithoutNulls(JsonObject applied)
    {
        var copy = (JsonObject)applied.DeepClone();
        copy.Remove("status");
        return copy;
    }

    private static StatusError Conflict(ApiResource resource, string name, List<(string Manager, string Path)> conflicts, string apiVersion)
    {
        var causes = new JsonArray(conflicts.Select(c => (JsonNode)new JsonObject
        {
            ["reason"] = "FieldManagerConflict",
            ["message"] = $"conflict with \"{c.Manager}\" using {apiVersion}",
            ["field"] = FieldSet.Display(c.Path),
        }).ToArray());
        var lines = string.Concat(conflicts.Select(c => $"\n- conflict with \"{c.Manager}\" using {apiVersion}: {FieldSet.Display(c.Path)}"));
        var message = conflicts.Count == 1
            ? $"Apply failed with 1 conflict: conflict with \"{conflicts[0].Manager}\" using {apiVersion}: {FieldSet.Display(conflicts[0].Path)}"
            : $"Apply failed with {conflicts.Count} conflicts: {lines.TrimStart('\n')}";
        return new StatusError(409, "Conflict", message, new JsonObject
        {
            ["name"] = name, ["group"] = resource.Group, ["kind"] = resource.Plural, ["causes"] = causes,
        });
    }
}
