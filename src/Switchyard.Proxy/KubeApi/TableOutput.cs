using System.Text.Json.Nodes;

namespace Switchyard.Proxy.KubeApi;

/// <summary>
/// Server-side printing (<c>Accept: application/json;as=Table;g=meta.k8s.io;v=v1</c>), which
/// <c>kubectl get</c> asks for: a meta.k8s.io/v1 Table whose columns are the ones Istio's CRDs
/// declare as additionalPrinterColumns (VirtualService: Gateways, Hosts; DestinationRule: Host;
/// ServiceEntry: Hosts, Location, Resolution), Name and Age for the rest.
/// </summary>
internal static class TableOutput
{
    private sealed record Column(string Name, string Description, Func<JsonObject, JsonNode?> Cell);

    public static bool Wanted(string? accept) => accept is not null && accept.Contains("as=Table", StringComparison.Ordinal);

    public static JsonObject Build(ApiResource resource, IEnumerable<JsonObject> items, long? resourceVersion, DateTimeOffset now, bool includeObject)
    {
        var columns = Columns(resource, now);
        var table = new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = resourceVersion is { } rv ? new JsonObject { ["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture) } : new JsonObject(),
            ["columnDefinitions"] = new JsonArray(columns.Select((c, i) => (JsonNode)new JsonObject
            {
                ["name"] = c.Name, ["type"] = "string", ["format"] = i == 0 ? "name" : "", ["description"] = c.Description, ["priority"] = 0,
            }).ToArray()),
        };
        table["rows"] = new JsonArray(items.Select(o => (JsonNode)new JsonObject
        {
            ["cells"] = new JsonArray(columns.Select(c => c.Cell(o)).ToArray()),
            ["object"] = includeObject ? o.DeepClone() : PartialMetadata(o),
        }).ToArray());
        return table;
    }

    private static JsonObject PartialMetadata(JsonObject o)
    {
        var meta = (JsonObject)(o["metadata"]?.DeepClone() ?? new JsonObject());
        meta.Remove("managedFields");
        return new JsonObject { ["kind"] = "PartialObjectMetadata", ["apiVersion"] = "meta.k8s.io/v1", ["metadata"] = meta };
    }

    private static List<Column> Columns(ApiResource resource, DateTimeOffset now)
    {
        var columns = new List<Column> { new("Name", "Name must be unique within a namespace.", o => o["metadata"]?["name"]?.DeepClone()) };
        switch (resource.Kind)
        {
            case "VirtualService":
                columns.Add(new("Gateways", "The names of gateways and sidecars that should apply these routes", o => List(o["spec"]?["gateways"])));
                columns.Add(new("Hosts", "The destination hosts to which traffic is being sent", o => List(o["spec"]?["hosts"])));
                break;
            case "DestinationRule":
                columns.Add(new("Host", "The name of a service from the service registry", o => o["spec"]?["host"]?.DeepClone()));
                break;
            case "ServiceEntry":
                columns.Add(new("Hosts", "The hosts associated with the ServiceEntry", o => List(o["spec"]?["hosts"])));
                columns.Add(new("Location", "Whether the service is external to the mesh or part of the mesh (MESH_EXTERNAL or MESH_INTERNAL)", o => o["spec"]?["location"]?.DeepClone()));
                columns.Add(new("Resolution", "Service resolution mode for the hosts (NONE, STATIC, or DNS)", o => o["spec"]?["resolution"]?.DeepClone()));
                break;
        }
        columns.Add(new("Age", "CreationTimestamp is a timestamp representing the server time when this object was created.",
            o => Age.Since(o["metadata"]?["creationTimestamp"]?.GetValue<string>(), now)));
        return columns;
    }

    /// <summary>A list cell as kubectl prints a []string column: <c>["a","b"]</c>.</summary>
    private static JsonNode? List(JsonNode? node) => node is JsonArray a ? a.ToJsonString() : null;
}
