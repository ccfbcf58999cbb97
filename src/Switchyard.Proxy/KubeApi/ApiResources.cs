namespace Switchyard.Proxy.KubeApi;

/// <summary>
/// The resource types the config API serves: the Istio kinds Switchyard reads, in every version
/// Istio serves them (the CRDs' v1, v1beta1 and v1alpha3 share one schema), and the Kubernetes
/// kinds its registry and analyzers read. Short names and categories are Istio's CRDs' and
/// Kubernetes' own.
/// </summary>
internal static class ApiResources
{
    private static readonly string[] IstioNetworking = ["v1", "v1beta1", "v1alpha3"];
    private static readonly string[] IstioCategories = ["istio-io", "networking-istio-io"];

    public static IReadOnlyList<ApiResource> All { get; } =
    [
        new("networking.istio.io", IstioNetworking, "VirtualService", "virtualservices", ["vs"], Categories: IstioCategories),
        new("networking.istio.io", IstioNetworking, "DestinationRule", "destinationrules", ["dr"], Categories: IstioCategories),
        new("networking.istio.io", IstioNetworking, "ServiceEntry", "serviceentries", ["se"], Categories: IstioCategories),
        new("networking.istio.io", IstioNetworking, "WorkloadEntry", "workloadentries", ["we"], Categories: IstioCategories),
        new("networking.istio.io", IstioNetworking, "Gateway", "gateways", ["gw"], Categories: IstioCategories),
        new("security.istio.io", ["v1", "v1beta1"], "PeerAuthentication", "peerauthentications", ["pa"], Categories: ["istio-io", "security-istio-io"]),
        new("", ["v1"], "Service", "services", ["svc"], Categories: ["all"]),
        new("", ["v1"], "Pod", "pods", ["po"], Categories: ["all"]),
        new("", ["v1"], "Secret", "secrets", []),
        new("", ["v1"], "Namespace", "namespaces", ["ns"], Namespaced: false),
        new("", ["v1"], "Node", "nodes", ["no"], Namespaced: false),
        new("discovery.k8s.io", ["v1"], "EndpointSlice", "endpointslices", []),
        new("apps", ["v1"], "Deployment", "deployments", ["deploy"], Categories: ["all"]),
        new("apps", ["v1"], "ReplicaSet", "replicasets", ["rs"], Categories: ["all"]),
        new("apps", ["v1"], "StatefulSet", "statefulsets", ["sts"], Categories: ["all"]),
    ];

    /// <summary>The API groups in discovery order (the core group has no name and is served under /api).</summary>
    public static IReadOnlyList<string> Groups { get; } = All.Select(r => r.Group).Where(g => g.Length > 0).Distinct().ToList();

    public static ApiResource? ByPlural(string group, string plural)
    {
        foreach (var r in All)
            if (r.Group == group && r.Plural == plural) return r;
        return null;
    }

    public static ApiResource? ByKind(string group, string kind)
    {
        foreach (var r in All)
            if (r.Group == group && r.Kind == kind) return r;
        return null;
    }

    /// <summary>The versions a group serves, newest (preferred) first.</summary>
    public static IReadOnlyList<string> VersionsOf(string group) =>
        All.Where(r => r.Group == group).SelectMany(r => r.Versions).Distinct().ToList();
}
