using static Switchyard.Tests.Translation.TranslationFixture;

namespace Switchyard.Tests.Translation;

/// <summary>A sidecar sees only services exported to its namespace, as Istio's push context scopes them.</summary>
public class ServiceExportToTests
{
    private const string PrivateEntry = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: { name: billing, namespace: finance }
        spec:
          hosts: [billing.internal]
          exportTo: ["."]
          ports: [{ number: 80, name: http, protocol: HTTP }]
          resolution: STATIC
          endpoints: [{ address: 10.1.0.1 }]
        ---

        """;

    private const string AnnotatedService = """
        apiVersion: v1
        kind: Service
        metadata:
          name: ledger
          namespace: finance
          annotations: { networking.istio.io/exportTo: "finance, audit" }
        spec:
          selector: { app: ledger }
          ports: [{ name: http, port: 80 }]
        ---

        """;

    [Fact]
    public void ServiceEntry_exported_to_its_own_namespace_gets_no_route_or_cluster_elsewhere()
    {
        var elsewhere = Translate(PrivateEntry, proxyNamespace: "default");
        Assert.Null(elsewhere.FindVirtualHost("billing.internal"));
        Assert.DoesNotContain(elsewhere.Clusters.Keys, k => k.EndsWith("|billing.internal", StringComparison.Ordinal));

        var home = Translate(PrivateEntry, proxyNamespace: "finance");
        Assert.NotNull(home.FindVirtualHost("billing.internal"));
        Assert.Contains("outbound|80||billing.internal", home.Clusters.Keys);
    }

    [Fact]
    public void Service_exportTo_annotation_lists_the_namespaces_that_see_it()
    {
        Assert.NotNull(Translate(AnnotatedService, proxyNamespace: "audit").FindVirtualHost("ledger.finance"));
        Assert.NotNull(Translate(AnnotatedService, proxyNamespace: "finance").FindVirtualHost("ledger"));
        Assert.Null(Translate(AnnotatedService, proxyNamespace: "default").FindVirtualHost("ledger.finance"));
    }

    [Fact]
    public void Services_without_exportTo_are_seen_from_every_namespace()
    {
        Assert.NotNull(Translate(Service("cart", "shop"), proxyNamespace: "default").FindVirtualHost("cart.shop"));
    }
}
