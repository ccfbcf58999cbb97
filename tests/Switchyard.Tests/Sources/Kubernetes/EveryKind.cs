namespace Switchyard.Tests.Sources.Kubernetes;

/// <summary>
/// One small valid object of every kind KubernetesSource watches, as the JSON a client POSTs,
/// with the collection URL it is POSTed to (Namespace and Node are cluster-scoped).
/// </summary>
internal static class EveryKind
{
    public sealed record Sample(string Kind, string Collection, string Json)
    {
        public string Item(string name) => $"{Collection}/{name}";
    }

    private const string Template = """{"metadata":{"labels":{"app":"a"}},"spec":{"containers":[{"name":"c","image":"i"}]}}""";

    public static IReadOnlyList<Sample> All(string name) =>
    [
        Istio("VirtualService", "virtualservices", name, """{"hosts":["a"],"http":[{"route":[{"destination":{"host":"a"}}]}]}"""),
        Istio("DestinationRule", "destinationrules", name, """{"host":"a"}"""),
        Istio("ServiceEntry", "serviceentries", name, """{"hosts":["a.example.com"],"ports":[{"number":80,"name":"http","protocol":"HTTP"}],"resolution":"STATIC","endpoints":[{"address":"10.0.0.1"}]}"""),
        Istio("WorkloadEntry", "workloadentries", name, """{"address":"10.0.0.2","labels":{"app":"a"}}"""),
        Istio("Gateway", "gateways", name, """{"selector":{"istio":"ingressgateway"},"servers":[{"port":{"number":80,"name":"http","protocol":"HTTP"},"hosts":["*"]}]}"""),
        new("Service", "/api/v1/namespaces/default/services", $$$"""{"apiVersion":"v1","kind":"Service","metadata":{"name":"{{{name}}}"},"spec":{"selector":{"app":"a"},"ports":[{"port":80,"name":"http"}]}}"""),
        new("Pod", "/api/v1/namespaces/default/pods", $$$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{name}}}","labels":{"app":"a"}},"spec":{"containers":[{"name":"c","image":"i"}]},"status":{"podIP":"10.0.0.3"}}"""),
        new("Namespace", "/api/v1/namespaces", $$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{name}}}"}}"""),
        new("Node", "/api/v1/nodes", $$$"""{"apiVersion":"v1","kind":"Node","metadata":{"name":"{{{name}}}","labels":{"topology.kubernetes.io/region":"r"} } }"""),
        Apps("Deployment", "deployments", name),
        Apps("ReplicaSet", "replicasets", name),
        Apps("StatefulSet", "statefulsets", name),
        new("EndpointSlice", "/apis/discovery.k8s.io/v1/namespaces/default/endpointslices",
            $$$"""{"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice","metadata":{"name":"{{{name}}}","labels":{"kubernetes.io/service-name":"a"}},"addressType":"IPv4","endpoints":[{"addresses":["10.0.0.4"]}],"ports":[{"port":80,"name":"http"}]}"""),
    ];

    private static Sample Istio(string kind, string plural, string name, string spec) =>
        new(kind, $"/apis/networking.istio.io/v1/namespaces/default/{plural}",
            $$$"""{"apiVersion":"networking.istio.io/v1","kind":"{{{kind}}}","metadata":{"name":"{{{name}}}"},"spec":{{{spec}}}}""");

    private static Sample Apps(string kind, string plural, string name) =>
        new(kind, $"/apis/apps/v1/namespaces/default/{plural}",
            $$$"""{"apiVersion":"apps/v1","kind":"{{{kind}}}","metadata":{"name":"{{{name}}}"},"spec":{"selector":{"matchLabels":{"app":"a"}},"template":{{{Template}}}}}""");
}
