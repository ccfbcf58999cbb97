namespace Switchyard.Soak.Proxy;

/// <summary>
/// Echo backends behind one service <c>shop</c>, round robin, Istio's default retry policy (none
/// is given), and outlier detection that ejects after 3 consecutive 5xx (a refused connection
/// counts as a 503) for baseEjectionTime × times ejected, swept every second.
/// </summary>
internal static class ShopYaml
{
    public const string Host = "shop";

    /// <summary>The service's endpoints: one per port on 127.0.0.1, labelled <c>version: vN</c> (1-based).</summary>
    public static string ServiceEntry(int[] ports) => $$$"""
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: shop, namespace: default}
        spec:
          hosts: [shop.default.svc.cluster.local]
          location: MESH_INTERNAL
          resolution: STATIC
          ports: [{number: 80, name: http, protocol: HTTP}]
          endpoints:
        {{{string.Join("\n", ports.Select((p, i) => $"  - {{address: 127.0.0.1, ports: {{http: {p}}}, labels: {{version: v{i + 1}}}}}"))}}}
        """;

    public static string Config(int[] ports) => ServiceEntry(ports) + "\n---\n" + """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: shop, namespace: default}
        spec:
          host: shop.default.svc.cluster.local
          trafficPolicy:
            loadBalancer: {simple: ROUND_ROBIN}
            outlierDetection: {consecutive5xxErrors: 3, interval: 1s, baseEjectionTime: 1s, maxEjectionPercent: 50}
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: shop, namespace: default}
        spec:
          hosts: [shop]
          http:
          - route: [{destination: {host: shop}}]
        """;
}
