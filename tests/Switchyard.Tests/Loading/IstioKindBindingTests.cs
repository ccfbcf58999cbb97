using Switchyard.Model;
using Switchyard.Model.Networking;
using static Switchyard.Tests.Loading.LoadHelpers;

namespace Switchyard.Tests.Loading;

/// <summary>Each Istio kind binds its representative fields from unchanged Istio YAML.</summary>
public class IstioKindBindingTests
{
    [Fact]
    public void VirtualService_binds_hosts_matches_weighted_routes_retries_timeout_and_fault()
    {
        var vs = LoadOne<VirtualService>("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
              namespace: shop
              labels:
                app: reviews
            spec:
              hosts:
              - reviews
              - reviews.example.com
              gateways:
              - mesh
              exportTo:
              - "."
              http:
              - name: jason
                match:
                - headers:
                    end-user:
                      exact: jason
                  uri:
                    prefix: /api
                  ignoreUriCase: true
                  port: 9080
                route:
                - destination:
                    host: reviews
                    subset: v2
                    port:
                      number: 9080
                  weight: 80
                - destination:
                    host: reviews
                    subset: v3
                  weight: 20
                timeout: 10s
                retries:
                  attempts: 3
                  perTryTimeout: 2s
                  retryOn: 5xx,connect-failure
                fault:
                  delay:
                    fixedDelay: 7s
                    percentage:
                      value: 0.1
                  abort:
                    httpStatus: 503
                    percentage:
                      value: 5
                mirror:
                  host: shadow
                mirrorPercentage:
                  value: 12.5
                headers:
                  request:
                    set:
                      x-via: switchyard
                    remove:
                    - x-debug
              - route:
                - destination:
                    host: reviews
                    subset: v1
              tcp:
              - match:
                - port: 3306
                route:
                - destination:
                    host: mysql
            """);

        Assert.Equal(new ResourceRef("VirtualService", "shop", "reviews"), vs.Ref);
        Assert.Equal("networking.istio.io/v1", vs.ApiVersion);
        Assert.Equal("reviews", vs.Metadata.Labels!["app"]);
        Assert.Equal(["reviews", "reviews.example.com"], vs.Spec.Hosts!);
        Assert.Equal(["mesh"], vs.Spec.Gateways!);
        Assert.Equal(["."], vs.Spec.ExportTo!);
        var rule = vs.Spec.Http![0]!;
        Assert.Equal("jason", rule.Name);
        var match = rule.Match![0]!;
        Assert.Equal("jason", match.Headers!["end-user"]!.Exact);
        Assert.Equal("/api", match.Uri!.Prefix);
        Assert.True(match.IgnoreUriCase);
        Assert.Equal(9080u, match.Port);
        Assert.Equal("v2", rule.Route![0]!.Destination!.Subset);
        Assert.Equal(9080u, rule.Route[0]!.Destination!.Port!.Number);
        Assert.Equal([80, 20], rule.Route.Select(r => r!.Weight!.Value));
        Assert.Equal(Duration.FromSeconds(10), rule.Timeout);
        Assert.Equal(3, rule.Retries!.Attempts);
        Assert.Equal(Duration.FromSeconds(2), rule.Retries.PerTryTimeout);
        Assert.Equal("5xx,connect-failure", rule.Retries.RetryOn);
        Assert.Equal(Duration.FromSeconds(7), rule.Fault!.Delay!.FixedDelay);
        Assert.Equal(0.1, rule.Fault.Delay.Percentage!.Value);
        Assert.Equal(503, rule.Fault.Abort!.HttpStatus);
        Assert.Equal("shadow", rule.Mirror!.Host);
        Assert.Equal(12.5, rule.MirrorPercentage!.Value);
        Assert.Equal("switchyard", rule.Headers!.Request!.Set!["x-via"]);
        Assert.Equal(["x-debug"], rule.Headers.Request.Remove!);
        Assert.Null(vs.Spec.Http[1]!.Match);
        Assert.Equal(3306u, vs.Spec.Tcp![0]!.Match![0]!.Port);
        Assert.Equal("mysql", vs.Spec.Tcp[0]!.Route![0]!.Destination!.Host);
    }

    [Fact]
    public void DestinationRule_binds_subsets_load_balancer_pool_outlier_detection_and_tls()
    {
        var dr = LoadOne<DestinationRule>("""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews
            spec:
              host: reviews.shop.svc.cluster.local
              trafficPolicy:
                loadBalancer:
                  consistentHash:
                    httpCookie:
                      name: user
                      ttl: 0s
                connectionPool:
                  tcp:
                    maxConnections: 100
                    connectTimeout: 30ms
                  http:
                    http1MaxPendingRequests: 10
                    maxRequestsPerConnection: 1
                    h2UpgradePolicy: UPGRADE
                outlierDetection:
                  consecutive5xxErrors: 7
                  interval: 5m
                  baseEjectionTime: 15m
                  maxEjectionPercent: 50
                tls:
                  mode: ISTIO_MUTUAL
                portLevelSettings:
                - port:
                    number: 80
                  loadBalancer:
                    simple: LEAST_REQUEST
              subsets:
              - name: v1
                labels:
                  version: v1
              - name: v2
                labels:
                  version: v2
                trafficPolicy:
                  loadBalancer:
                    simple: ROUND_ROBIN
            """);

        Assert.Equal("default", dr.Namespace);
        Assert.Equal("reviews.shop.svc.cluster.local", dr.Spec.Host);
        var policy = dr.Spec.TrafficPolicy!;
        Assert.Equal("user", policy.LoadBalancer!.ConsistentHash!.HttpCookie!.Name);
        Assert.Equal(new Duration(0), policy.LoadBalancer.ConsistentHash.HttpCookie.Ttl);
        Assert.Equal(100, policy.ConnectionPool!.Tcp!.MaxConnections);
        Assert.Equal(Duration.FromMilliseconds(30), policy.ConnectionPool.Tcp.ConnectTimeout);
        Assert.Equal(10, policy.ConnectionPool.Http!.Http1MaxPendingRequests);
        Assert.Equal(H2UpgradePolicy.UPGRADE, policy.ConnectionPool.Http.H2UpgradePolicy);
        Assert.Equal(7u, policy.OutlierDetection!.Consecutive5xxErrors);
        Assert.Equal(Duration.FromSeconds(300), policy.OutlierDetection.Interval);
        Assert.Equal(50, policy.OutlierDetection.MaxEjectionPercent);
        Assert.Equal(TLSmode.ISTIO_MUTUAL, policy.Tls!.Mode);
        Assert.Equal(SimpleLB.LEAST_REQUEST, policy.PortLevelSettings![0]!.LoadBalancer!.Simple);
        Assert.Equal(["v1", "v2"], dr.Spec.Subsets!.Select(s => s!.Name));
        Assert.Equal("v2", dr.Spec.Subsets![1]!.Labels!["version"]);
        Assert.Equal(SimpleLB.ROUND_ROBIN, dr.Spec.Subsets[1]!.TrafficPolicy!.LoadBalancer!.Simple);
    }

    [Fact]
    public void ServiceEntry_binds_hosts_ports_location_resolution_and_endpoints()
    {
        var se = LoadOne<ServiceEntry>("""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: httpbin-ext
              namespace: egress
            spec:
              hosts:
              - httpbin.org
              addresses:
              - 10.10.0.0/16
              ports:
              - number: 443
                name: https
                protocol: TLS
                targetPort: 8443
              location: MESH_EXTERNAL
              resolution: DNS
              endpoints:
              - address: 1.2.3.4
                ports:
                  https: 8443
                labels:
                  zone: a
                weight: 3
              workloadSelector:
                labels:
                  app: httpbin
            """);

        Assert.Equal(["httpbin.org"], se.Spec.Hosts!);
        Assert.Equal(["10.10.0.0/16"], se.Spec.Addresses!);
        var port = se.Spec.Ports![0]!;
        Assert.Equal((443u, "https", "TLS", 8443u), (port.Number!.Value, port.Name, port.Protocol, port.TargetPort!.Value));
        Assert.Equal(ServiceEntryLocation.MESH_EXTERNAL, se.Spec.Location);
        Assert.Equal(ServiceEntryResolution.DNS, se.Spec.Resolution);
        var endpoint = se.Spec.Endpoints![0]!;
        Assert.Equal("1.2.3.4", endpoint.Address);
        Assert.Equal(8443u, endpoint.Ports!["https"]);
        Assert.Equal(3u, endpoint.Weight);
        Assert.Equal("httpbin", se.Spec.WorkloadSelector!.Labels!["app"]);
    }

    [Fact]
    public void WorkloadEntry_binds_address_ports_labels_locality_and_weight()
    {
        var we = LoadOne<WorkloadEntry>("""
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata:
              name: vm-1
              namespace: vms
            spec:
              address: 192.168.1.20
              ports:
                http: 8080
              labels:
                app: legacy
              network: vpc-1
              locality: us-east1/us-east1-b
              weight: 10
              serviceAccount: legacy-sa
            """);

        Assert.Equal("192.168.1.20", we.Spec.Address);
        Assert.Equal(8080u, we.Spec.Ports!["http"]);
        Assert.Equal("legacy", we.Spec.Labels!["app"]);
        Assert.Equal("vpc-1", we.Spec.Network);
        Assert.Equal("us-east1/us-east1-b", we.Spec.Locality);
        Assert.Equal(10u, we.Spec.Weight);
        Assert.Equal("legacy-sa", we.Spec.ServiceAccount);
    }

    [Fact]
    public void Status_of_an_Istio_kind_is_accepted_and_ignored()
    {
        var vs = LoadOne<VirtualService>("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: a}
            spec: {hosts: [a]}
            status:
              observedGeneration: 3
              conditions: [{type: Reconciled, status: "True"}]
            """);
        Assert.Null(vs.Status);
    }
}
