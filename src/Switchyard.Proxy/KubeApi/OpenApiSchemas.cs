using System.Text.Json.Nodes;

namespace Switchyard.Proxy.KubeApi;

/// <summary>The schema of each kind's object: the envelope (apiVersion, kind, metadata), with the body open.</summary>
internal static class OpenApiSchemas
{
    public static JsonObject For(ApiResource r) => new()
    {
        ["type"] = "object",
        ["description"] = $"{r.Kind}, as Switchyard reads it.",
        ["properties"] = new JsonObject
        {
            ["apiVersion"] = new JsonObject { ["type"] = "string" },
            ["kind"] = new JsonObject { ["type"] = "string" },
            ["metadata"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true },
            ["spec"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true },
            ["status"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true },
        },
        ["x-kubernetes-preserve-unknown-fields"] = true,
    };
}
