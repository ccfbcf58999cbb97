namespace Switchyard.Tests.Validation.DestinationRules;

public class ClientTlsTests
{
    [Fact]
    public void Mutual_with_files_is_valid() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                tls:
                  mode: MUTUAL
                  clientCertificate: /etc/certs/cert.pem
                  privateKey: /etc/certs/key.pem
                  caCertificates: /etc/certs/ca.pem
                  subjectAltNames: [reviews.bookinfo]
                  sni: reviews.example.com
            """).IsValid();

    [Fact]
    public void Simple_with_credential_name_is_valid() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                tls:
                  mode: SIMPLE
                  credentialName: reviews-ca
            """).IsValid();

    [Fact]
    public void Configmap_credential_in_own_namespace_is_valid() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                tls:
                  mode: SIMPLE
                  credentialName: configmap://bookinfo/reviews-ca
            """).IsValid();

    [Fact]
    public void Configmap_credential_from_another_namespace_is_rejected() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                tls:
                  mode: SIMPLE
                  credentialName: configmap://istio-system/reviews-ca   # <-
            """).HasOnlyError("spec.trafficPolicy.tls.credentialName",
                "invalid configmap:// credentialName: namespace must match the configuration namespace \"bookinfo\"");

    [Fact]
    public void Insecure_skip_verify_with_simple_ca_is_rejected() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                tls:
                  mode: SIMPLE
                  caCertificates: /etc/certs/ca.pem
                  insecureSkipVerify: true   # <-
            """).HasOnlyError("spec.trafficPolicy.tls.insecureSkipVerify",
                "cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true");

    [Fact]
    public void Insecure_skip_verify_with_mutual_sans_is_rejected() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                tls:
                  mode: MUTUAL
                  credentialName: reviews-client
                  subjectAltNames: [reviews.bookinfo]
                  insecureSkipVerify: true   # <-
            """).HasOnlyError("spec.trafficPolicy.tls.insecureSkipVerify",
                "cannot specify CaCertificates or SubjectAltNames when InsecureSkipVerify is set true");

    [Fact]
    public void Credential_name_with_file_fields_is_rejected() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                tls:
                  mode: MUTUAL
                  credentialName: reviews-client   # <-
                  caCrl: /etc/certs/crl.pem
            """).HasOnlyError("spec.trafficPolicy.tls.credentialName",
                "cannot specify client certificates or CA certificate or CA CRL If credentialName is set");

    [Fact]
    public void Mutual_without_credential_needs_certificate_and_key()
    {
        var check = DestinationRuleCheck.Of("""
            spec:
              host: reviews
              trafficPolicy:
                tls:   # <-
                  mode: MUTUAL
            """);
        Assert.Equal(2, check.Diagnostics.Count);
        check.HasError("spec.trafficPolicy.tls", "client certificate required for mutual tls");
        check.HasError("spec.trafficPolicy.tls", "private key required for mutual tls");
    }

    [Fact]
    public void Subset_tls_is_checked() =>
        DestinationRuleCheck.Of("""
            spec:
              host: reviews
              subsets:
              - name: v1
                trafficPolicy:
                  tls:   # <-
                    mode: MUTUAL
                    clientCertificate: /etc/certs/cert.pem
            """).HasOnlyError("spec.subsets[0].trafficPolicy.tls", "private key required for mutual tls");
}
