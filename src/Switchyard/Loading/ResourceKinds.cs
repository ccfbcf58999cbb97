using System.Diagnostics.CodeAnalysis;
using Switchyard.Model;
using Switchyard.Model.Kubernetes;
using Switchyard.Model.Networking;

namespace Switchyard.Loading;

/// <summary>The kinds Switchyard reads: API group, served versions, and the model type.</summary>
public static class ResourceKinds
{
    public const string IstioNetworkingGroup = "networking.istio.io";

    public sealed record KindInfo(string Group, string Kind, IReadOnlyList<string> Versions,
        [param: DynamicallyAccessedMembers(ModelTypes.Bound)][property: DynamicallyAccessedMembers(ModelTypes.Bound)] Type Type);

    private static readonly string[] IstioVersions = ["v1", "v1beta1", "v1alpha3"];

    public static IReadOnlyList<KindInfo> All { get; } =
    [
        new(IstioNetworkingGroup, "VirtualService", IstioVersions, typeof(VirtualService)),
        new(IstioNetworkingGroup, "DestinationRule", IstioVersions, typeof(DestinationRule)),
        new(IstioNetworkingGroup, "ServiceEntry", IstioVersions, typeof(ServiceEntry)),
        new(IstioNetworkingGroup, "WorkloadEntry", IstioVersions, typeof(WorkloadEntry)),
        new(IstioNetworkingGroup, "Gateway", IstioVersions, typeof(Gateway)),
        new("", "Service", ["v1"], typeof(Service)),
        new("", "Pod", ["v1"], typeof(Pod)),
        new("", "Namespace", ["v1"], typeof(Model.Kubernetes.Namespace)),
        new("", "Node", ["v1"], typeof(Node)),
        new("apps", "Deployment", ["v1"], typeof(Deployment)),
        new("apps", "ReplicaSet", ["v1"], typeof(ReplicaSet)),
        new("apps", "StatefulSet", ["v1"], typeof(StatefulSet)),
        new("discovery.k8s.io", "EndpointSlice", ["v1"], typeof(EndpointSlice)),
    ];

    /// <summary>Splits <c>group/version</c> (core kinds have no group: <c>v1</c>).</summary>
    public static (string Group, string Version) SplitApiVersion(string apiVersion)
    {
        var slash = apiVersion.LastIndexOf('/');
        return slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
    }

    public static KindInfo? Find(string group, string kind)
    {
        foreach (var k in All)
            if (k.Group == group && k.Kind == kind) return k;
        return null;
    }

    public static bool IsIstio(Resource r) => SplitApiVersion(r.ApiVersion).Group == IstioNetworkingGroup;
}
