using System.Text.Json.Nodes;

namespace Switchyard.Proxy.KubeApi.Patch;

/// <summary>
/// JSON merge patch (RFC 7386, <c>application/merge-patch+json</c>): objects merge key by key,
/// <c>null</c> removes a key, anything else replaces. This is what <c>kubectl apply</c> sends for
/// custom resources such as a VirtualService.
/// </summary>
internal static class MergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject p) return patch?.DeepClone();
        var result = target as JsonObject ?? new JsonObject();
        foreach (var (key, value) in p)
        {
            if (value is null) result.Remove(key);
            else result[key] = Apply(result[key]?.DeepClone(), value);
        }
        return result;
    }
}
