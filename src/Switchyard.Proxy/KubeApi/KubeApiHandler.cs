using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Switchyard.Proxy.KubeApi;

/// <summary>
/// One request to the config API: auth, then discovery and version documents, OpenAPI, or a
/// verb on a resource path. Every refusal is a Kubernetes Status with its code.
/// </summary>
internal sealed class KubeApiHandler(KubeApiOptions options, ObjectStore store, TimeProvider time, ILogger logger, CancellationToken stopping)
{
    private readonly ObjectVerbs _verbs = new(store, time);
    private readonly WatchStream _watch = new(store, time, options.BookmarkInterval);
    private readonly byte[]? _token = options.Token is null ? null : Encoding.UTF8.GetBytes(options.Token);

    public async Task HandleAsync(HttpContext ctx)
    {
        var ct = ctx.RequestAborted;
        try
        {
            if (!Authorized(ctx.Request)) throw StatusError.Unauthorized();
            var path = ctx.Request.Path.Value ?? "/";
            if (Document(path) is { } doc)
            {
                if (!HttpMethods.IsGet(ctx.Request.Method)) throw StatusError.MethodNotAllowed(ctx.Request.Method);
                await Body.WriteAsync(ctx.Response, 200, doc, ct).ConfigureAwait(false);
                return;
            }
            var p = ResourcePath.Parse(path, out var unknown)
                ?? throw (unknown is null ? StatusError.NotFoundPath(path) : StatusError.NotFoundPath(unknown));
            await ServeAsync(ctx, p, ct).ConfigureAwait(false);
        }
        catch (StatusError e)
        {
            if (e.Code >= 400 && e.Code != 404) Log.Refused(logger, ctx.Request.Method, ctx.Request.Path.Value ?? "", e.Code, e.Message);
            if (!ctx.Response.HasStarted) await Body.WriteAsync(ctx.Response, e.Code, e.ToStatus(), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.StorageFailed(logger, ctx.Request.Method, ctx.Request.Path.Value ?? "", e);
            if (!ctx.Response.HasStarted)
                await Body.WriteAsync(ctx.Response, 500, StatusError.Status(500, "InternalError", $"Internal error occurred: {e.Message}", null), CancellationToken.None).ConfigureAwait(false);
        }
    }

    private bool Authorized(HttpRequest request)
    {
        if (_token is null) return true;
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[7..].Trim()), _token);
    }

    private static JsonNode? Document(string path)
    {
        var s = path.Trim('/').Split('/');
        return s switch
        {
            ["api"] => Discovery.CoreVersions(),
            ["apis"] => Discovery.Groups(),
            ["version"] => Discovery.Version(),
            ["api", var v] => Discovery.Resources("", v) ?? throw StatusError.NotFoundPath(path),
            ["apis", var g] => Discovery.Group(g) ?? throw StatusError.NotFoundPath(path),
            ["apis", var g, var v] => Discovery.Resources(g, v) ?? throw StatusError.NotFoundPath(path),
            ["openapi", "v3"] => OpenApi.Index(),
            ["openapi", "v3", "api", var v] => OpenApi.GroupVersion("", v) ?? throw StatusError.NotFoundPath(path),
            ["openapi", "v3", "apis", var g, var v] => OpenApi.GroupVersion(g, v) ?? throw StatusError.NotFoundPath(path),
            _ => null,
        };
    }

    private async Task ServeAsync(HttpContext ctx, ResourcePath p, CancellationToken ct)
    {
        var q = ctx.Request.Query;
        var method = ctx.Request.Method;
        var dryRun = q["dryRun"].Count > 0;
        var manager = q["fieldManager"].ToString();
        if (p.Subresource is not null) throw StatusError.NotFoundPath(ctx.Request.Path.Value!);
        if (p.Name is null)
        {
            var filter = Selectors.Parse(q["labelSelector"], q["fieldSelector"]);
            var table = TableOutput.Wanted(ctx.Request.Headers.Accept);
            if (HttpMethods.IsGet(method) && (q["watch"] == "true" || q["watch"] == "1"))
            {
                await _watch.RunAsync(ctx, p, filter, table, stopping).ConfigureAwait(false);
                return;
            }
            if (HttpMethods.IsGet(method))
            {
                await Body.WriteAsync(ctx.Response, 200, List(p, filter, table, q["includeObject"] == "Object"), ct).ConfigureAwait(false);
                return;
            }
            if (HttpMethods.IsPost(method))
            {
                var body = Body.ParseObject(await Body.ReadTextAsync(ctx.Request, ct).ConfigureAwait(false));
                await AnswerAsync(ctx, _verbs.Create(p, body, Manager(manager, ctx, "create"), dryRun), "created", ct).ConfigureAwait(false);
                return;
            }
            throw StatusError.MethodNotAllowed(method);
        }
        switch (method)
        {
            case "GET":
                var obj = _verbs.Get(p);
                await Body.WriteAsync(ctx.Response, 200, TableOutput.Wanted(ctx.Request.Headers.Accept)
                    ? TableOutput.Build(p.Resource, [obj], null, time.GetUtcNow(), q["includeObject"] == "Object") : obj, ct).ConfigureAwait(false);
                return;
            case "PUT":
                var body = Body.ParseObject(await Body.ReadTextAsync(ctx.Request, ct).ConfigureAwait(false));
                await AnswerAsync(ctx, _verbs.Update(p, body, Manager(manager, ctx, "update"), dryRun), "updated", ct).ConfigureAwait(false);
                return;
            case "PATCH":
                var text = await Body.ReadTextAsync(ctx.Request, ct).ConfigureAwait(false);
                var force = q["force"] == "true";
                var result = _verbs.Patch(p, ctx.Request.ContentType ?? "", text, manager.Length > 0 ? manager : Manager("", ctx, "patch"), force, dryRun);
                await AnswerAsync(ctx, result, result.Code == 201 ? "created" : "patched", ct).ConfigureAwait(false);
                return;
            case "DELETE":
                var options = ctx.Request.ContentLength is > 0 ? Body.ParseJson(await Body.ReadTextAsync(ctx.Request, ct).ConfigureAwait(false)) as JsonObject : null;
                var precondition = options?["preconditions"]?["resourceVersion"]?.GetValue<string>();
                dryRun |= options?["dryRun"] is JsonArray { Count: > 0 };
                await AnswerAsync(ctx, _verbs.Delete(p, precondition, dryRun), "deleted", ct).ConfigureAwait(false);
                return;
            default:
                throw StatusError.MethodNotAllowed(method);
        }
    }

    private JsonObject List(ResourcePath p, Func<StoredObject, bool> filter, bool table, bool includeObject)
    {
        var (items, rv) = store.List(p.Resource, p.Resource.Namespaced ? p.Namespace : null);
        var objects = items.Where(filter).Select(o => ObjectVerbs.View(o.Object, p.ApiVersion)).ToList();
        if (table) return TableOutput.Build(p.Resource, objects, rv, time.GetUtcNow(), includeObject);
        return new JsonObject
        {
            ["kind"] = p.Resource.Kind + "List",
            ["apiVersion"] = p.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture) },
            ["items"] = new JsonArray(objects.Select(o => (JsonNode)o).ToArray()),
        };
    }

    /// <summary>The field manager: as given, else from the User-Agent's program name, as the API server derives it.</summary>
    private static string Manager(string given, HttpContext ctx, string fallback)
    {
        if (given.Length > 0) return given;
        var agent = ctx.Request.Headers.UserAgent.ToString();
        var slash = agent.IndexOf('/');
        return slash > 0 ? agent[..slash] : fallback;
    }

    private async Task AnswerAsync(HttpContext ctx, ObjectVerbs.Result result, string verb, CancellationToken ct)
    {
        foreach (var w in result.Warnings) ctx.Response.Headers.Append("Warning", $"299 - {JsonSerializer.Serialize(w, KubeJsonContext.Default.String)}");
        var meta = result.Object["metadata"];
        if (ctx.Request.Query["dryRun"].Count == 0)
            Log.Changed(logger, verb, result.Object["kind"]?.GetValue<string>() ?? "", meta?["namespace"]?.GetValue<string>() ?? "", meta?["name"]?.GetValue<string>() ?? "",
                meta?["resourceVersion"]?.GetValue<string>() ?? "");
        await Body.WriteAsync(ctx.Response, result.Code, result.Object, ct).ConfigureAwait(false);
    }
}
