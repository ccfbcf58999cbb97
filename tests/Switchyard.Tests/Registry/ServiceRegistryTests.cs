using Switchyard.Registry;
using static Switchyard.Tests.Registry.RegistryFixture;

namespace Switchyard.Tests.Registry;

public class ServiceRegistryTests
{
    private const string FrontendService = """
        apiVersion: v1
        kind: Service
        metadata: { name: Frontend, namespace: default }
        spec:
          selector: { app: frontend }
          ports:
          - { name: http, port: 80, targetPort: 8080 }
          - { name: admin, port: 9000, targetPort: admin }
          - { name: plain, port: 7000 }
        ---

        """;

    [Fact]
    public void Pods_matching_the_selector_with_an_ip_are_the_endpoints_sorted_by_address()
    {
        var registry = Build(FrontendService
            + Pod("b", "10.0.0.2", "{app: frontend, version: v2}")
            + Pod("a", "10.0.0.1", "{app: frontend, version: v1, topology.kubernetes.io/region: eu, topology.kubernetes.io/zone: eu-1a}")
            + Pod("other", "10.0.0.3", "{app: other}")
            + Pod("elsewhere", "10.0.0.4", "{app: frontend}", ns: "prod")
            + "apiVersion: v1\nkind: Pod\nmetadata: {name: pending, namespace: default, labels: {app: frontend}}\n");

        var svc = registry.Find("frontend.default.svc.cluster.local")!;
        Assert.Equal("frontend.default.svc.cluster.local", svc.Hostname);
        var http = svc.EndpointsOf(80);
        Assert.Equal(["10.0.0.1:8080", "10.0.0.2:8080"], http.Select(e => e.ToString()));
        Assert.Equal("eu/eu-1a", http[0].Locality);
        Assert.Equal("v2", http[1].Labels["version"]);
        Assert.Equal(1u, http[0].Weight);
    }

    [Fact]
    public void Named_target_port_is_the_container_port_of_that_name_and_no_target_port_means_the_port()
    {
        var registry = Build(FrontendService
            + Pod("a", "10.0.0.1", "{app: frontend}", ports: "{name: admin, containerPort: 9901}")
            + Pod("b", "10.0.0.2", "{app: frontend}"));

        var svc = registry.Find("frontend.default.svc.cluster.local")!;
        Assert.Equal(["10.0.0.1:9901"], svc.EndpointsOf(9000).Select(e => e.ToString()));
        Assert.Equal(["10.0.0.1:7000", "10.0.0.2:7000"], svc.EndpointsOf(7000).Select(e => e.ToString()));
    }

    [Fact]
    public void EndpointSlices_replace_pods_and_skip_endpoints_not_ready()
    {
        var registry = Build(FrontendService
            + Pod("frontend-1", "10.9.9.9", "{app: frontend, version: v1}")
            + """
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: frontend-abc
              namespace: default
              labels: { kubernetes.io/service-name: Frontend }
            addressType: IPv4
            ports:
            - { name: http, port: 8081 }
            endpoints:
            - addresses: [10.1.0.2]
              conditions: { ready: true }
              zone: eu-1b
              targetRef: { kind: Pod, name: frontend-1, namespace: default }
            - addresses: [10.1.0.1]
            - addresses: [10.1.0.3]
              conditions: { ready: false }
            """);

        var eps = registry.Find("frontend.default.svc.cluster.local")!.EndpointsOf(80);
        Assert.Equal(["10.1.0.1:8081", "10.1.0.2:8081"], eps.Select(e => e.ToString()));
        Assert.Equal("v1", eps[1].Labels["version"]);
        Assert.Equal("eu-1b", eps[1].Labels["topology.kubernetes.io/zone"]);
        Assert.Equal("/eu-1b", eps[1].Locality);
        Assert.Empty(registry.Find("frontend.default.svc.cluster.local")!.EndpointsOf(9000));
    }

    [Fact]
    public void ServiceEntry_inline_endpoints_take_the_named_port_else_target_port_else_number()
    {
        var registry = Build("""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: { name: payments, namespace: shop }
            spec:
              hosts: [payments.example.com, billing]
              ports:
              - { number: 443, name: https, protocol: HTTPS }
              - { number: 80, name: http, protocol: HTTP, targetPort: 8080 }
              resolution: STATIC
              endpoints:
              - { address: 192.168.0.2, ports: { https: 8443 }, labels: { version: v2 }, locality: us/us-1a, weight: 3 }
              - { address: 192.168.0.1 }
            """);

        var se = registry.Find("payments.example.com")!;
        Assert.Equal(["192.168.0.1:443", "192.168.0.2:8443"], se.EndpointsOf(443).Select(e => e.ToString()));
        Assert.Equal(["192.168.0.1:8080", "192.168.0.2:8080"], se.EndpointsOf(80).Select(e => e.ToString()));
        var v2 = se.EndpointsOf(443)[1];
        Assert.Equal(("us/us-1a", 3u, "v2"), (v2.Locality, v2.Weight, v2.Labels["version"]));
        Assert.NotNull(registry.Find("billing.shop.svc.cluster.local"));
    }

    [Fact]
    public void ServiceEntry_workload_selector_takes_workload_entries_and_pods_of_its_namespace()
    {
        var registry = Build("""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: { name: vms, namespace: shop }
            spec:
              hosts: [vm.shop.internal]
              ports: [{ number: 80, name: http, protocol: HTTP }]
              location: MESH_INTERNAL
              resolution: STATIC
              workloadSelector: { labels: { app: vm } }
            ---
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata: { name: vm-1, namespace: shop }
            spec: { address: 172.16.0.1, ports: { http: 8000 }, labels: { app: vm }, locality: eu/eu-1a }
            ---
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata: { name: vm-other-ns, namespace: default }
            spec: { address: 172.16.0.9, labels: { app: vm } }
            ---

            """ + Pod("vm-pod", "10.2.0.1", "{app: vm}", ns: "shop"));

        var eps = registry.Find("vm.shop.internal")!.EndpointsOf(80);
        Assert.Equal(["10.2.0.1:80", "172.16.0.1:8000"], eps.Select(e => e.ToString()));
        Assert.Equal("eu/eu-1a", eps[1].Locality);
    }
}
