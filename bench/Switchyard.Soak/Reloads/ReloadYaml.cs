namespace Switchyard.Soak.Reloads;

/// <summary>
/// The reload run's files: a ServiceEntry with three echo backends labelled v1, v2, v3, their
/// subsets, and the VirtualService the run edits. Good edits send everything to v1 or v2; every
/// rejected edit would send it to v3 if it were applied, so a v3 answer proves a rejected config
/// was served.
/// </summary>
internal static class ReloadYaml
{
    public const string Host = "shop";

    public static string Endpoints(int[] ports) => Proxy.ShopYaml.ServiceEntry(ports) + "\n---\n" + """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: shop, namespace: default}
        spec:
          host: shop.default.svc.cluster.local
          subsets:
          - {name: v1, labels: {version: v1}}
          - {name: v2, labels: {version: v2}}
          - {name: v3, labels: {version: v3}}
        """;

    private static string VirtualService(string http) => $$"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: shop, namespace: default}
        spec:
          hosts: [shop]
          http:
        {{http}}
        """;

    /// <summary>Edit <paramref name="n"/>: all traffic to <paramref name="subset"/>, with a per-edit header so every edit differs.</summary>
    public static string Good(string subset, int n) => VirtualService($$$"""
          - headers:
              response:
                set: {x-edit: "{{{n}}}"}
            route:
            - destination: {host: shop, subset: {{{subset}}}}
        """);

    /// <summary>Four ways an edit is refused, each one aimed at v3.</summary>
    public static string Rejected(int n) => (n % 4) switch
    {
        0 => VirtualService("""
              - route:
                - {destination: {host: shop, subset: v3}, weight: 101}
                - {destination: {host: shop, subset: v1}, weight: -1}
            """),
        1 => VirtualService("""
              - route: [{destination: {host: shop, subset: v3}}
            """),
        2 => VirtualService("""
              - match: [{uri: {regex: "(["}}]
                route: [{destination: {host: shop, subset: v3}}]
            """),
        _ => VirtualService("""
              - timeout: 5 parsecs
                route: [{destination: {host: shop, subset: v3}}]
            """),
    };
}
