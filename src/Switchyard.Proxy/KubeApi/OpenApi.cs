using System.Text.Json.Nodes;

namespace Switchyard.Proxy.KubeApi;

/// <summary>
/// OpenAPI v3 (<c>/openapi/v3</c> and one document per group version), which kubectl reads
/// before <c>apply</c>, <c>create</c> and <c>diff</c>: each write operation declares the
/// <c>fieldValidation</c> parameter, so kubectl's default validation (<c>--validate=strict</c>)
/// is done by the server, by the same admission a file gets, and every kind has a schema tagged
/// with its group, version and kind (<c>x-kubernetes-group-version-kind</c>), built from
/// <see cref="OpenApiSchemas"/>.
/// </summary>
internal static class OpenApi
{
    public static JsonObject Index()
    {
        var paths = new JsonObject();
        foreach (var (group, version) in GroupVersions())
        {
            var key = group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";
            paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}" };
        }
        return new JsonObject { ["paths"] = paths };
    }

    public static JsonObject? GroupVersion(string group, string version)
    {
        var served = ApiResources.All.Where(r => r.Group == group && r.Serves(version)).ToList();
        if (served.Count == 0) return null;
        var paths = new JsonObject();
        var schemas = new JsonObject();
        foreach (var r in served)
        {
            var prefix = group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
            var collection = r.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{r.Plural}" : $"{prefix}/{r.Plural}";
            var schemaName = SchemaName(r, version);
            JsonObject Op() => Operation(schemaName, group, version, r.Kind);
            paths[collection] = new JsonObject { ["post"] = Op(), ["get"] = Op() };
            paths[collection + "/{name}"] = new JsonObject { ["get"] = Op(), ["put"] = Op(), ["patch"] = Op(), ["delete"] = Op() };
            var schema = OpenApiSchemas.For(r);
            schema["x-kubernetes-group-version-kind"] = new JsonArray(new JsonObject { ["group"] = group, ["version"] = version, ["kind"] = r.Kind });
            schemas[schemaName] = schema;
        }
        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Switchyard config API", ["version"] = "v1" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    /// <summary>An operation; kubectl finds the kind's PATCH by its x-kubernetes-group-version-kind and looks for fieldValidation there.</summary>
    private static JsonObject Operation(string schemaName, string group, string version, string kind) => new()
    {
        ["x-kubernetes-group-version-kind"] = new JsonObject { ["group"] = group, ["version"] = version, ["kind"] = kind },
        ["parameters"] = new JsonArray(
            Parameter("dryRun"), Parameter("fieldManager"), Parameter("fieldValidation")),
        ["responses"] = new JsonObject
        {
            ["200"] = new JsonObject
            {
                ["description"] = "OK",
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = $"#/components/schemas/{schemaName}" } } },
            },
        },
    };

    private static JsonObject Parameter(string name) => new()
    {
        ["name"] = name, ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };

    /// <summary><c>io.istio.networking.v1.VirtualService</c>, <c>io.k8s.api.core.v1.Service</c>: the names Kubernetes gives.</summary>
    public static string SchemaName(ApiResource r, string version)
    {
        if (r.Group.EndsWith("istio.io", StringComparison.Ordinal))
            return $"io.istio.{r.Group.Split('.')[0]}.{version}.{r.Kind}";
        var g = r.Group.Length == 0 ? "core" : r.Group.Split('.')[0];
        return $"io.k8s.api.{g}.{version}.{r.Kind}";
    }

    private static IEnumerable<(string Group, string Version)> GroupVersions() =>
        ApiResources.All.SelectMany(r => r.Versions.Select(v => (r.Group, v))).Distinct();
}
