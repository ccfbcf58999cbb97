using Switchyard.Model.Networking;

namespace Switchyard.Translation.Policies.Tls;

/// <summary>
/// A cluster's <c>trafficPolicy.tls</c> as written, compiled to a value record (file paths and
/// names only, never key material). The proxy does not originate TLS yet: translation reports
/// every cluster that has one as <c>not enforced</c>, and the upstream client ignores it.
/// </summary>
public sealed record TlsContextSpec(
    string Mode,
    string? ClientCertificate,
    string? PrivateKey,
    string? CaCertificates,
    string? CredentialName,
    EquatableList<string> SubjectAltNames,
    string? Sni,
    bool InsecureSkipVerify,
    string? CaCrl)
{
    public static TlsContextSpec? Compile(ClientTLSSettings? tls) => tls is null ? null : new TlsContextSpec(
        (tls.Mode ?? TLSmode.DISABLE).ToString(), tls.ClientCertificate, tls.PrivateKey, tls.CaCertificates, tls.CredentialName,
        new EquatableList<string>(tls.SubjectAltNames ?? []), tls.Sni, tls.InsecureSkipVerify == true, tls.CaCrl);
}
