using System.Text.Json.Nodes;
using Switchyard.Proxy.KubeApi.Patch;

namespace Switchyard.Proxy.KubeApi;

/// <summary>
/// get, list, create, update, patch and delete on the store, with the API server's rules: the
/// body's kind, group and namespace must match the URL; an update or delete that names a
/// resourceVersion other than the live one is 409 Conflict; a create of an existing name is 409
/// AlreadyExists; every write passes admission first; <c>dryRun=All</c> runs all of it and
/// stores nothing. The result is what the API server answers (the object, its code).
/// </summary>
internal sealed class ObjectVerbs(ObjectStore store, TimeProvider time)
{
    public sealed record Result(int Code, JsonObject Object, IReadOnlyList<string> Warnings);

    public JsonObject Get(ResourcePath p)
    {
        var stored = store.Get(Key(p)) ?? throw StatusError.NotFound(p.Resource, p.Name!);
        return View(stored.Object, p.ApiVersion);
    }

    public Result Create(ResourcePath p, JsonObject body, string manager, bool dryRun)
    {
        var name = ObjectMetadata.String(body, "name") ?? GenerateName(body) ?? throw Invalid(p, "metadata.name", "name or generateName is required");
        var key = CheckIdentity(p with { Name = name }, body);
        if (ObjectMetadata.String(body, "resourceVersion") is { Length: > 0 })
            throw StatusError.BadRequest("resourceVersion should not be set on objects to be created");
        if (store.Get(key) is not null) throw StatusError.AlreadyExists(p.Resource, name);
        ObjectMetadata.OnCreate(body, time);
        var fields = ManagedFields.Of(body);
        fields.Record(manager, "Update", p.ApiVersion, ObjectMetadata.Now(time), FieldSet.Leaves(body));
        fields.WriteTo(body);
        return Commit(p, key, null, body, dryRun, 201);
    }

    /// <summary>PUT: replaces the object; the body's resourceVersion, when set, must be the live one.</summary>
    public Result Update(ResourcePath p, JsonObject body, string manager, bool dryRun)
    {
        var key = CheckIdentity(p, body);
        var live = store.Get(key) ?? throw StatusError.NotFound(p.Resource, p.Name!);
        if (ObjectMetadata.String(body, "resourceVersion") is { Length: > 0 } rv && rv != ObjectMetadata.String(live.Object, "resourceVersion"))
            throw StatusError.Conflict(p.Resource, p.Name!);
        return Replace(p, key, live, body, manager, "Update", dryRun);
    }

    /// <summary>PATCH in any of the four types; server-side apply may create.</summary>
    public Result Patch(ResourcePath p, string contentType, string text, string? manager, bool force, bool dryRun)
    {
        var key = Key(p);
        var live = store.Get(key);
        if (contentType.StartsWith("application/apply-patch", StringComparison.Ordinal))
        {
            if (string.IsNullOrEmpty(manager)) throw StatusError.BadRequest("PATCH, application/apply-patch+yaml requests must have a fieldManager");
            var docs = ParseYaml(text);
            if (docs.Count != 1 || docs[0] is not JsonObject applied) throw StatusError.BadRequest("the body of a server-side apply must be one object");
            CheckIdentity(p, applied);
            var merged = ServerSideApply.Apply(p.Resource, p.Name!, live?.Object, applied, manager, force, p.ApiVersion, ObjectMetadata.Now(time));
            if (live is null)
            {
                ObjectMetadata.OnCreate(merged, time);
                return Commit(p, key, null, merged, dryRun, 201);
            }
            ObjectMetadata.OnUpdate(merged, live.Object);
            return Commit(p, key, live, merged, dryRun, 200);
        }
        if (live is null) throw StatusError.NotFound(p.Resource, p.Name!);
        var current = View(live.Object, p.ApiVersion);
        JsonNode? patched = contentType switch
        {
            _ when contentType.StartsWith("application/merge-patch+json", StringComparison.Ordinal) => MergePatch.Apply(current, Body.ParseJson(text)),
            _ when contentType.StartsWith("application/strategic-merge-patch+json", StringComparison.Ordinal) => StrategicMergePatch.Apply(current, Body.ParseJson(text)),
            _ when contentType.StartsWith("application/json-patch+json", StringComparison.Ordinal) =>
                JsonPatch.Apply(current, Body.ParseJson(text) as JsonArray ?? throw StatusError.BadRequest("a JSON patch must be an array of operations")),
            _ => throw StatusError.UnsupportedMediaType(contentType),
        };
        if (patched is not JsonObject body) throw new StatusError(422, "Invalid", "the patched document is not an object");
        if (ObjectMetadata.String(body, "resourceVersion") is { Length: > 0 } rv && rv != ObjectMetadata.String(live.Object, "resourceVersion"))
            throw StatusError.Conflict(p.Resource, p.Name!);
        CheckIdentity(p, body);
        return Replace(p, key, live, body, manager ?? "unknown", "Update", dryRun);
    }

    public Result Delete(ResourcePath p, string? preconditionVersion, bool dryRun)
    {
        var key = Key(p);
        var live = store.Get(key) ?? throw StatusError.NotFound(p.Resource, p.Name!);
        if (preconditionVersion is { Length: > 0 } && preconditionVersion != ObjectMetadata.String(live.Object, "resourceVersion"))
            throw StatusError.Conflict(p.Resource, p.Name!);
        if (!dryRun && !store.Remove(live)) throw StatusError.Conflict(p.Resource, p.Name!);
        return new Result(200, View(live.Object, p.ApiVersion), []);
    }

    private Result Replace(ResourcePath p, ObjectKey key, StoredObject live, JsonObject body, string manager, string operation, bool dryRun)
    {
        ObjectMetadata.OnUpdate(body, live.Object);
        var fields = ManagedFields.Of(live.Object);
        var before = FieldSet.Leaves(live.Object);
        var changed = FieldSet.Leaves(body).Where(f => !before.Contains(f) || !JsonNode.DeepEquals(FieldSet.At(body, f), FieldSet.At(live.Object, f))).ToList();
        if (changed.Count > 0) fields.Record(manager, operation, p.ApiVersion, ObjectMetadata.Now(time), changed);
        fields.WriteTo(body);
        return Commit(p, key, live, body, dryRun, 200);
    }

    private Result Commit(ResourcePath p, ObjectKey key, StoredObject? live, JsonObject obj, bool dryRun, int code)
    {
        obj["apiVersion"] = p.ApiVersion;
        obj["kind"] = p.Resource.Kind;
        var warnings = ApiAdmission.Admit(key, obj);
        if (dryRun)
        {
            if (live is not null) ObjectMetadata.Meta(obj)["resourceVersion"] = ObjectMetadata.String(live.Object, "resourceVersion");
            return new Result(code, obj, warnings);
        }
        var stored = store.Put(key, obj, live) ?? throw (live is null ? StatusError.AlreadyExists(p.Resource, key.Name) : StatusError.Conflict(p.Resource, key.Name));
        return new Result(code, View(stored.Object, p.ApiVersion), warnings);
    }

    /// <summary>The body names the URL's kind, group, namespace and name (an empty namespace takes the URL's).</summary>
    private static ObjectKey CheckIdentity(ResourcePath p, JsonObject body)
    {
        var (group, version) = Loading.ResourceKinds.SplitApiVersion(body["apiVersion"]?.GetValue<string>() ?? "");
        var kind = body["kind"]?.GetValue<string>();
        if (group != p.Resource.Group || kind != p.Resource.Kind || !p.Resource.Serves(version))
            throw StatusError.BadRequest($"the API version in the data ({body["apiVersion"]?.GetValue<string>()}) does not match the expected API version ({p.ApiVersion}) or kind {kind} is not {p.Resource.Kind}");
        var meta = ObjectMetadata.Meta(body);
        var ns = ObjectMetadata.String(body, "namespace");
        if (p.Resource.Namespaced)
        {
            if (string.IsNullOrEmpty(ns)) meta["namespace"] = ns = p.Namespace;
            else if (p.Namespace is not null && ns != p.Namespace)
                throw StatusError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        else meta.Remove("namespace");
        var name = ObjectMetadata.String(body, "name");
        if (p.Name is not null && name is not null && name != p.Name)
            throw StatusError.BadRequest($"the name of the object ({name}) does not match the name on the URL ({p.Name})");
        if (string.IsNullOrEmpty(name)) meta["name"] = name = p.Name;
        return new ObjectKey(p.Resource, p.Resource.Namespaced ? ns ?? "default" : "", name ?? throw Invalid(p, "metadata.name", "name is required"));
    }

    private static string? GenerateName(JsonObject body)
    {
        if (ObjectMetadata.String(body, "generateName") is not { Length: > 0 } prefix) return null;
        var name = prefix + Guid.NewGuid().ToString("N")[..5];
        ObjectMetadata.Meta(body)["name"] = name;
        return name;
    }

    private static StatusError Invalid(ResourcePath p, string field, string message) => StatusError.Invalid(p.Resource, p.Name ?? "", [(field, message)]);

    private static List<JsonNode> ParseYaml(string text)
    {
        try
        {
            return YamlToJson.Documents(text);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw StatusError.BadRequest($"error decoding YAML: {e.Message}");
        }
    }

    public static ObjectKey Key(ResourcePath p) => new(p.Resource, p.Resource.Namespaced ? p.Namespace ?? "default" : "", p.Name ?? "");

    /// <summary>A copy as the requested version shows it (Istio's versions share one schema).</summary>
    public static JsonObject View(JsonObject stored, string apiVersion)
    {
        var copy = (JsonObject)stored.DeepClone();
        copy["apiVersion"] = apiVersion;
        return copy;
    }
}
