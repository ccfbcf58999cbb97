namespace Switchyard.Proxy.KubeApi;

/// <summary>
/// One resource type the config API serves, as an APIResourceList entry names it: group, served
/// versions (the first is the storage version), kind, plural and singular names, short names
/// (<c>kubectl get vs</c>) and whether it lives in a namespace.
/// </summary>
internal sealed record ApiResource(string Group, IReadOnlyList<string> Versions, string Kind, string Plural, IReadOnlyList<string> ShortNames,
    bool Namespaced = true, IReadOnlyList<string>? Categories = null)
{
    public string Singular => Kind.ToLowerInvariant();

    /// <summary>The name Kubernetes uses in messages: <c>virtualservices.networking.istio.io</c>, or <c>services</c>.</summary>
    public string QualifiedName => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public string ApiVersion(string version) => Group.Length == 0 ? version : $"{Group}/{version}";

    public string StorageVersion => Versions[0];

    public bool Serves(string version) => Versions.Contains(version);
}
