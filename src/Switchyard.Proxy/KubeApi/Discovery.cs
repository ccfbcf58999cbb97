using System.Text.Json.Nodes;

namespace Switchyard.Proxy.KubeApi;

/// <summary>
/// The discovery documents kubectl reads to map <c>vs</c> to a URL: <c>/api</c> (APIVersions),
/// <c>/apis</c> (APIGroupList), <c>/apis/{group}</c> (APIGroup) and each group version's
/// APIResourceList. kubectl asks for aggregated discovery (apidiscovery.k8s.io/v2) first and
/// takes the plain forms when the server answers with them, as older API servers do.
/// </summary>
internal static class Discovery
{
    private static readonly string[] Verbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public static JsonObject CoreVersions() => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(),
    };

    public static JsonObject Groups() => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(ApiResources.Groups.Select(g => (JsonNode)Group(g)!).ToArray()),
    };

    public static JsonObject? Group(string group)
    {
        var versions = ApiResources.VersionsOf(group);
        if (versions.Count == 0) return null;
        JsonObject Version(string v) => new() { ["groupVersion"] = $"{group}/{v}", ["version"] = v };
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = group,
            ["versions"] = new JsonArray(versions.Select(v => (JsonNode)Version(v)).ToArray()),
            ["preferredVersion"] = Version(versions[0]),
        };
    }

    /// <summary>The APIResourceList of one group version; null when nothing is served there.</summary>
    public static JsonObject? Resources(string group, string version)
    {
        var served = ApiResources.All.Where(r => r.Group == group && r.Serves(version)).ToList();
        if (served.Count == 0) return null;
        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = new JsonArray(served.Select(r => (JsonNode)Resource(r)).ToArray()),
        };
    }

    private static JsonObject Resource(ApiResource r)
    {
        var o = new JsonObject
        {
            ["name"] = r.Plural,
            ["singularName"] = r.Singular,
            ["namespaced"] = r.Namespaced,
            ["kind"] = r.Kind,
            ["verbs"] = new JsonArray(Verbs.Select(v => (JsonNode)v).ToArray()),
        };
        if (r.ShortNames.Count > 0) o["shortNames"] = new JsonArray(r.ShortNames.Select(s => (JsonNode)s).ToArray());
        if (r.Categories is { Count: > 0 } c) o["categories"] = new JsonArray(c.Select(s => (JsonNode)s).ToArray());
        return o;
    }

    /// <summary>What <c>kubectl version</c> shows for the server.</summary>
    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0-switchyard",
        ["gitCommit"] = "",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "1970-01-01T00:00:00Z",
        ["goVersion"] = "",
        ["compiler"] = "dotnet",
        ["platform"] = "linux/amd64",
    };
}
