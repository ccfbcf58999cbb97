using Switchyard.Analysis;
using Switchyard.Diagnostics;
using Switchyard.Loading;

namespace Switchyard.Tests.Analysis.DestinationRule;

public class CaCertificateAnalyzerTests
{
    private const string Analyzer = "destinationrule.CaCertificateAnalyzer";

    private static List<Diagnostic> Run(string yaml) =>
        AnalysisRunner.Run(ConfigLoader.LoadText(yaml, "dr.yaml").Resources,
            new AnalysisOptions { Analyzers = [Analyzer], AllNamespaces = true }, Suppressions.Parse([], out _));

    // The top-level tls mode is on line 10.
    private static string Dr(string tls, string extra = "", string host = "db.example.com") => $"""
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: db-tls
          namespace: default
        spec:
          host: {host}
          trafficPolicy:
            tls:
              {tls}
        {extra}
        """;

    private static string Level(string mode, string host = "db.example.com") =>
        $"DestinationRule default/db-tls in namespace default has TLS mode set to {mode} but no caCertificates are set to validate server identity for host: {host}";

    [Fact]
    public void Simple_tls_without_ca_certificates_is_IST0128_at_the_mode_line()
    {
        var m = Assert.Single(Run(Dr("mode: SIMPLE")));

        Assert.Equal("IST0128", m.Code);
        Assert.Equal(Severity.Warning, m.Severity);
        Assert.Equal(Level("SIMPLE"), m.Message);
        Assert.Equal(10, m.Span.Line);
        Assert.StartsWith("set caCertificates", m.Hint);
    }

    [Fact]
    public void Mutual_tls_without_ca_certificates_is_IST0128()
    {
        var m = Assert.Single(Run(Dr("mode: MUTUAL\n      clientCertificate: /etc/certs/cert.pem\n      privateKey: /etc/certs/key.pem")));
        Assert.Equal(Level("MUTUAL"), m.Message);
    }

    [Fact]
    public void Ca_certificates_set_gives_nothing()
    {
        Assert.Empty(Run(Dr("mode: SIMPLE\n      caCertificates: /etc/ssl/certs/ca.pem")));
    }

    [Theory]
    [InlineData("ISTIO_MUTUAL")]
    [InlineData("DISABLE")]
    public void Istio_mutual_and_disable_are_never_flagged(string mode)
    {
        Assert.Empty(Run(Dr($"mode: {mode}")));
    }

    [Fact]
    public void Credential_name_with_a_workload_selector_is_exempt()
    {
        Assert.Empty(Run(Dr("mode: SIMPLE\n      credentialName: db-ca", "  workloadSelector:\n    matchLabels:\n      app: client")));
    }

    [Fact]
    public void Credential_name_without_a_workload_selector_is_IST0128_with_a_hint()
    {
        var m = Assert.Single(Run(Dr("mode: SIMPLE\n      credentialName: db-ca")));
        Assert.Equal(Level("SIMPLE"), m.Message);
        Assert.Contains("only when the DestinationRule has a workloadSelector", m.Hint);
    }

    [Fact]
    public void Port_level_tls_without_ca_certificates_is_IST0129_with_the_port_selector()
    {
        var m = Assert.Single(Run(Dr("mode: ISTIO_MUTUAL",
            "    portLevelSettings:\n    - port:\n        number: 443\n      tls:\n        mode: SIMPLE")));

        Assert.Equal("IST0129", m.Code);
        Assert.Equal(Level("SIMPLE") + " at port number:443", m.Message);
        Assert.Equal(15, m.Span.Line);
    }

    [Fact]
    public void Subset_level_tls_is_not_checked()
    {
        Assert.Empty(Run(Dr("mode: DISABLE",
            "  subsets:\n  - name: v1\n    labels: {version: v1}\n    trafficPolicy:\n      tls:\n        mode: SIMPLE")));
    }

    [Fact]
    public void Mesh_service_host_hint_suggests_istio_mutual()
    {
        var m = Assert.Single(Run(Dr("mode: SIMPLE", host: "reviews")));
        Assert.Equal(Level("SIMPLE", "reviews"), m.Message);
        Assert.Contains("ISTIO_MUTUAL", m.Hint);
    }
}
