using Switchyard.Diagnostics;
using static Switchyard.Tests.Translation.TranslationFixture;

namespace Switchyard.Tests.Translation;

/// <summary>A field validation accepts but the proxy does not enforce is reported on its own line,
/// never silently dropped.</summary>
public class NotEnforcedTests
{
    private static readonly string Reviews = Service("reviews") + Pod("reviews", "10.0.0.1", "v1");

    private static Diagnostic Single(string yaml, string field)
    {
        var snapshot = Translate(Reviews + yaml);
        return Assert.Single(snapshot.Diagnostics, d => d.FieldPath == field);
    }

    [Theory]
    [InlineData("trafficPolicy: { tls: { mode: SIMPLE } }", "spec.trafficPolicy.tls")]
    [InlineData("trafficPolicy: { tls: { mode: ISTIO_MUTUAL } }", "spec.trafficPolicy.tls")]
    [InlineData("trafficPolicy: { tunnel: { protocol: CONNECT, targetHost: example.com, targetPort: 443 } }", "spec.trafficPolicy.tunnel")]
    [InlineData("trafficPolicy: { proxyProtocol: { version: V1 } }", "spec.trafficPolicy.proxyProtocol")]
    [InlineData("trafficPolicy: { connectionPool: { http: { maxConcurrentStreams: 10 } } }", "spec.trafficPolicy.connectionPool.http.maxConcurrentStreams")]
    [InlineData("trafficPolicy: { portLevelSettings: [{ port: { number: 80 }, tls: { mode: SIMPLE } }] }", "spec.trafficPolicy.portLevelSettings[0].tls")]
    [InlineData("subsets: [{ name: v1, labels: { version: v1 }, trafficPolicy: { tls: { mode: MUTUAL, clientCertificate: /c, privateKey: /k } } }]", "spec.subsets[0].trafficPolicy.tls")]
    public void Destination_rule_fields_the_proxy_does_not_enforce_are_reported_with_file_line_and_resource(string spec, string field)
    {
        var d = Single($$"""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: { name: reviews, namespace: default }
            spec:
              host: reviews
              {{spec}}
            ---

            """, field);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.StartsWith($"not enforced: {field}", d.Message, StringComparison.Ordinal);
        Assert.Equal("DestinationRule", d.Resource!.Kind);
        Assert.True(d.Span.IsKnown, $"{field} has no file:line");
    }

    [Theory]
    [InlineData("tcp: [{ route: [{ destination: { host: reviews } }] }]", "spec.tcp")]
    [InlineData("tls: [{ match: [{ sniHosts: [reviews] }], route: [{ destination: { host: reviews } }] }]", "spec.tls")]
    [InlineData("http: [{ delegate: { name: other } }]", "spec.http[0].delegate")]
    [InlineData("http: [{ redirect: { uri: /x, prefixRewrite: /y } }]", "spec.http[0].redirect.prefixRewrite")]
    [InlineData("http: [{ headers: { request: { set: { x-peer: '%DOWNSTREAM_REMOTE_ADDRESS%' } } }, route: [{ destination: { host: reviews } }] }]", "spec.http[0].headers.request.set.x-peer")]
    public void Virtual_service_fields_the_proxy_does_not_enforce_are_reported(string spec, string field)
    {
        var d = Single($$"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: { name: reviews, namespace: default }
            spec:
              hosts: [reviews]
              {{spec}}
            ---

            """, field);
        Assert.Equal("VirtualService", d.Resource!.Kind);
        Assert.StartsWith($"not enforced: {field}", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enforced_fields_produce_no_not_enforced_diagnostic()
    {
        var snapshot = Translate(Reviews + """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: { name: reviews, namespace: default }
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer: { simple: ROUND_ROBIN }
                connectionPool: { tcp: { maxConnections: 5 }, http: { http2MaxRequests: 10 } }
                outlierDetection: { consecutive5xxErrors: 3 }
            ---

            """);
        Assert.DoesNotContain(snapshot.Diagnostics, d => d.Message.StartsWith("not enforced", StringComparison.Ordinal));
    }
}
