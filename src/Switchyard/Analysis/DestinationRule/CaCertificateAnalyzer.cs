using Switchyard.Model.Networking;
using Switchyard.Registry;

namespace Switchyard.Analysis.DestinationRules;

/// <summary>
/// istioctl's <c>destinationrule.CaCertificateAnalyzer</c> (pkg/config/analysis/analyzers/destinationrule/ca-certificates.go):
/// TLS origination in mode SIMPLE or MUTUAL without <c>caCertificates</c> does not verify the
/// server's identity. The top-level <c>trafficPolicy.tls</c> gives IST0128, each
/// <c>portLevelSettings[i].tls</c> IST0129 (port printed as Go's proto text, <c>number:443</c>), on
/// the line of the <c>mode</c> field. Exempt: a <c>credentialName</c> on a DestinationRule with a
/// <c>workloadSelector</c> (the secret carries the CA). Subset-level tls is not checked, and
/// ISTIO_MUTUAL and DISABLE never are, as in istioctl.
/// </summary>
public sealed class CaCertificateAnalyzer : IAnalyzer
{
    public string Name => "destinationrule.CaCertificateAnalyzer";

    public string Description => "Checks if caCertificates is set when TLS mode is SIMPLE/MUTUAL";

    public IReadOnlyList<MessageType> Produces =>
        [Messages.NoServerCertificateVerificationDestinationLevel, Messages.NoServerCertificateVerificationPortLevel];

    public void Analyze(AnalysisContext context)
    {
        foreach (var dr in context.DestinationRules)
        {
            var fullName = $"{dr.Namespace}/{dr.Name}";
            var host = dr.Spec.Host ?? "";
            var policy = dr.Spec.TrafficPolicy;
            if (policy?.Tls is { } tls && LacksVerification(dr, tls))
                context.Report(Messages.NoServerCertificateVerificationDestinationLevel, dr, "spec.trafficPolicy.tls.mode",
                    Hint(dr, tls), fullName, dr.Namespace, tls.Mode!.Value.ToString(), host);

            var ports = policy?.PortLevelSettings ?? [];
            for (var i = 0; i < ports.Count; i++)
            {
                if (ports[i]?.Tls is not { } portTls || !LacksVerification(dr, portTls)) continue;
                context.Report(Messages.NoServerCertificateVerificationPortLevel, dr, $"spec.trafficPolicy.portLevelSettings[{i}].tls.mode",
                    Hint(dr, portTls), fullName, dr.Namespace, portTls.Mode!.Value.ToString(), host, PortText(ports[i]!.Port));
            }
        }
    }

    private static bool LacksVerification(DestinationRule dr, ClientTLSSettings tls) =>
        tls.Mode is TLSmode.SIMPLE or TLSmode.MUTUAL
        && string.IsNullOrEmpty(tls.CaCertificates)
        && !(!string.IsNullOrEmpty(tls.CredentialName) && dr.Spec.WorkloadSelector is not null);

    // Go's proto String() of a PortSelector: "number:443"; an unset number prints nothing.
    private static string PortText(PortSelector? port) =>
        port?.Number is { } n and > 0 ? $"number:{n}" : "";

    private static string Hint(DestinationRule dr, ClientTLSSettings tls)
    {
        if (!string.IsNullOrEmpty(tls.CredentialName))
            return $"sidecars use credentialName {tls.CredentialName} only when the DestinationRule has a workloadSelector; add one, or set caCertificates";
        var fqdn = HostNames.ToFqdn(dr.Spec.Host ?? "", dr.Namespace);
        var inMesh = fqdn.EndsWith("." + HostNames.ClusterDomain, StringComparison.OrdinalIgnoreCase);
        return inMesh
            ? "set caCertificates to the CA bundle that signed the server's certificate, or use mode ISTIO_MUTUAL for a service inside the mesh"
            : "set caCertificates to the CA bundle that signed the server's certificate (e.g. /etc/ssl/certs/ca-certificates.crt for a public CA)";
    }
}
