using Switchyard.Model.Kubernetes;
using static Switchyard.Tests.Loading.LoadHelpers;

namespace Switchyard.Tests.Loading;

/// <summary>The Kubernetes kinds we read bind the fields routing uses; every other key is ignored.</summary>
public class KubernetesKindBindingTests
{
    [Fact]
    public void Service_binds_selector_type_cluster_ip_and_ports_with_named_target_port()
    {
        var svc = LoadOne<Service>("""
            apiVersion: v1
            kind: Service
            metadata:
              name: reviews
              namespace: shop
            spec:
              type: ClusterIP
              clusterIP: 10.96.0.12
              selector:
                app: reviews
              ports:
              - name: http
                port: 9080
                targetPort: http-web
                appProtocol: http
              - name: grpc
                port: 9090
                targetPort: 9091
                protocol: TCP
            """);

        Assert.Equal("ClusterIP", svc.Spec.Type);
        Assert.Equal("10.96.0.12", svc.Spec.ClusterIP);
        Assert.Equal("reviews", svc.Spec.Selector!["app"]);
        Assert.Equal((9080, "http-web", "http"), (svc.Spec.Ports![0]!.Port!.Value, svc.Spec.Ports[0]!.TargetPort, svc.Spec.Ports[0]!.AppProtocol));
        // An unquoted number in a Kubernetes string field is read as text (int-or-string).
        Assert.Equal("9091", svc.Spec.Ports[1]!.TargetPort);
    }

    [Fact]
    public void Pod_binds_node_containers_ports_and_status_pod_ip()
    {
        var pod = LoadOne<Pod>("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: reviews-v1-abc
              namespace: shop
              labels: {app: reviews, version: v1}
            spec:
              nodeName: node-a
              serviceAccountName: reviews
              containers:
              - name: app
                image: reviews:1
                ports:
                - name: http
                  containerPort: 9080
                  protocol: TCP
            status:
              phase: Running
              podIP: 10.244.1.7
              podIPs:
              - ip: 10.244.1.7
            """);

        Assert.Equal("v1", pod.Metadata.Labels!["version"]);
        Assert.Equal("node-a", pod.Spec.NodeName);
        Assert.Equal("reviews", pod.Spec.ServiceAccountName);
        Assert.Equal(9080, pod.Spec.Containers![0]!.Ports![0]!.ContainerPort);
        Assert.Equal("10.244.1.7", pod.Status.PodIP);
        Assert.Equal("Running", pod.Status.Phase);
    }

    [Theory]
    [InlineData("Deployment", typeof(Deployment))]
    [InlineData("ReplicaSet", typeof(ReplicaSet))]
    [InlineData("StatefulSet", typeof(StatefulSet))]
    public void Workload_controllers_bind_replicas_selector_and_pod_template(string kind, Type type)
    {
        var result = Load($"""
            apiVersion: apps/v1
            kind: {kind}
            metadata:
              name: reviews-v1
            spec:
              replicas: 3
              serviceName: reviews
              selector:
                matchLabels: {"{"}app: reviews{"}"}
              template:
                metadata:
                  labels:
                    app: reviews
                    version: v1
                spec:
                  containers:
                  - name: app
                    image: reviews:1
            """);

        Assert.Empty(result.AllDiagnostics);
        var workload = Assert.IsAssignableFrom<Workload>(Assert.Single(result.Resources));
        Assert.IsType(type, workload);
        Assert.Equal(3, workload.Spec.Replicas);
        Assert.Equal("reviews", workload.Spec.Selector!.MatchLabels!["app"]);
        Assert.Equal("v1", workload.Spec.Template.Metadata.Labels!["version"]);
        Assert.Equal("reviews:1", workload.Spec.Template.Spec.Containers![0]!.Image);
    }

    [Fact]
    public void EndpointSlice_binds_addresses_conditions_target_ref_and_ports()
    {
        var slice = LoadOne<EndpointSlice>("""
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: reviews-abc
              namespace: shop
              labels:
                kubernetes.io/service-name: reviews
            addressType: IPv4
            endpoints:
            - addresses: [10.244.1.7]
              conditions: {ready: true, serving: true, terminating: false}
              nodeName: node-a
              zone: us-east1-b
              targetRef: {kind: Pod, name: reviews-v1-abc, namespace: shop}
            ports:
            - name: http
              port: 9080
              protocol: TCP
            """);

        Assert.Equal("reviews", slice.Metadata.Labels!["kubernetes.io/service-name"]);
        Assert.Equal("IPv4", slice.AddressType);
        var endpoint = slice.Endpoints![0]!;
        Assert.Equal(["10.244.1.7"], endpoint.Addresses!);
        Assert.True(endpoint.Conditions!.Ready);
        Assert.False(endpoint.Conditions.Terminating);
        Assert.Equal("us-east1-b", endpoint.Zone);
        Assert.Equal("reviews-v1-abc", endpoint.TargetRef!.Name);
        Assert.Equal(9080, slice.Ports![0]!.Port);
    }

    [Fact]
    public void Namespace_and_Node_bind_their_metadata()
    {
        var result = Load("""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              labels: {istio-injection: enabled}
            ---
            apiVersion: v1
            kind: Node
            metadata:
              name: node-a
              labels: {topology.kubernetes.io/zone: us-east1-b}
            spec: {podCIDR: 10.244.1.0/24}
            """);

        Assert.Empty(result.AllDiagnostics);
        var ns = Assert.IsType<Namespace>(result.Resources[0]);
        Assert.Equal("enabled", ns.Metadata.Labels!["istio-injection"]);
        var node = Assert.IsType<Node>(result.Resources[1]);
        Assert.Equal("us-east1-b", node.Metadata.Labels!["topology.kubernetes.io/zone"]);
    }

    [Fact]
    public void Unknown_keys_on_Kubernetes_kinds_are_ignored()
    {
        var svc = LoadOne<Service>("""
            apiVersion: v1
            kind: Service
            metadata:
              name: reviews
              uid: 1234
              managedFields: [{manager: kubectl}]
            spec:
              sessionAffinity: None
              ports:
              - port: 80
                nodePort: 30080
            extra: {anything: [1, 2]}
            """);
        Assert.Equal(80, svc.Spec.Ports![0]!.Port);
    }
}
