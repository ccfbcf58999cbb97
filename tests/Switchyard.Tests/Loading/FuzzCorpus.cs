namespace Switchyard.Tests.Loading;

/// <summary>The valid documents the fuzz test damages: the examples plus two that touch most fields.</summary>
internal static class FuzzCorpus
{
    public const string RichVirtualService = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          namespace: shop
          labels: {app: reviews}
        spec:
          hosts: [reviews, reviews.example.com]
          gateways: [mesh]
          exportTo: ["."]
          http:
          - name: jason
            match:
            - headers:
                end-user: {exact: jason}
              uri: {prefix: /api}
              queryParams:
                debug: {regex: "on|1"}
              port: 9080
            route:
            - destination: {host: reviews, subset: v2, port: {number: 9080}}
              weight: 80
              headers:
                request:
                  set: {x-route: jason}
            - destination: {host: reviews, subset: v3}
              weight: 20
            timeout: 10s
            retries: {attempts: 3, perTryTimeout: 2s, retryOn: "5xx,reset"}
            fault:
              delay: {fixedDelay: 7s, percentage: {value: 0.1}}
              abort: {httpStatus: 503, percentage: {value: 5}}
            mirror: {host: shadow}
            mirrorPercentage: {value: 12.5}
            corsPolicy:
              allowOrigins: [{exact: "https://example.com"}]
              allowMethods: [GET, POST]
              maxAge: 24h
          - redirect: {uri: /v2, redirectCode: 301}
            match: [{uri: {exact: /old}}]
          - directResponse: {status: 404, body: {string: gone}}
          - route:
            - destination: {host: reviews, subset: v1}
          tcp:
          - match: [{port: 3306}]
            route: [{destination: {host: mysql}}]
        """;

    public const string RichDestinationRule = """
        apiVersion: networking.istio.io/v1beta1
        kind: DestinationRule
        metadata:
          name: reviews
        spec:
          host: reviews.shop.svc.cluster.local
          trafficPolicy:
            loadBalancer:
              simple: LEAST_REQUEST
              localityLbSetting:
                enabled: true
                distribute: [{from: us-east1/*, to: {"us-east1/*": 80, "us-west1/*": 20}}]
            connectionPool:
              tcp: {maxConnections: 100, connectTimeout: 30ms}
              http: {http1MaxPendingRequests: 10, maxRequestsPerConnection: 1, h2UpgradePolicy: UPGRADE}
            outlierDetection:
              consecutive5xxErrors: 7
              interval: 5m
              baseEjectionTime: 15m
              maxEjectionPercent: 50
            tls: {mode: ISTIO_MUTUAL, sni: reviews.example.com}
            portLevelSettings:
            - port: {number: 80}
              loadBalancer:
                consistentHash: {httpHeaderName: x-user, ringHash: {minimumRingSize: 1024}}
          subsets:
          - name: v1
            labels: {version: v1}
          - name: v2
            labels: {version: v2}
            trafficPolicy:
              loadBalancer: {simple: ROUND_ROBIN}
        ---
        apiVersion: networking.istio.io/v1alpha3
        kind: ServiceEntry
        metadata: {name: ext}
        spec:
          hosts: [api.example.com]
          ports: [{number: 443, name: https, protocol: TLS}]
          resolution: DNS
          endpoints: [{address: 1.2.3.4, ports: {https: 8443}, weight: 2}]
        """;

    public static IReadOnlyList<string> Seeds()
    {
        var examples = Path.Combine(AppContext.BaseDirectory, "examples");
        var files = Directory.EnumerateFiles(examples, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        return [.. files.Select(File.ReadAllText), RichVirtualService, RichDestinationRule];
    }
}
