namespace Switchyard.Proxy.KubeApi;

/// <summary>
/// A resource URL taken apart as the API server's RequestInfoFactory does:
/// <c>/api/v1/namespaces/{ns}/{plural}/{name}/{subresource}</c> and
/// <c>/apis/{group}/{version}/...</c>; cluster-scoped kinds (<c>/api/v1/namespaces/{name}</c>,
/// <c>/api/v1/nodes</c>) have no namespace segment. Namespace is null for a request across all
/// namespaces (<c>kubectl get -A</c>).
/// </summary>
internal sealed record ResourcePath(ApiResource Resource, string Version, string? Namespace, string? Name, string? Subresource)
{
    /// <summary>Null when the path names no served resource; <paramref name="unknown"/> says what was asked for.</summary>
    public static ResourcePath? Parse(string path, out string? unknown)
    {
        unknown = null;
        var s = path.Trim('/').Split('/');
        int at;
        string group, version;
        if (s.Length >= 3 && s[0] == "api") (group, version, at) = ("", s[1], 2);
        else if (s.Length >= 4 && s[0] == "apis") (group, version, at) = (s[1], s[2], 3);
        else return null;

        string? ns = null;
        var rest = s[at..];
        if (rest.Length >= 3 && rest[0] == "namespaces")
        {
            ns = rest[1];
            rest = rest[2..];
        }
        if (rest.Length is < 1 or > 3) return null;
        var resource = ApiResources.ByPlural(group, rest[0]);
        if (resource is null || !resource.Serves(version))
        {
            unknown = group.Length == 0 ? $"{version}, Resource={rest[0]}" : $"{group}/{version}, Resource={rest[0]}";
            return null;
        }
        if (ns is not null && !resource.Namespaced) return null;
        return new ResourcePath(resource, version, ns, rest.Length > 1 ? rest[1] : null, rest.Length > 2 ? rest[2] : null);
    }

    public string ApiVersion => Resource.ApiVersion(Version);
}
