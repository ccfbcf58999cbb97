using Switchyard.Model.Networking;

namespace Switchyard.Validation.DestinationRules;

/// <summary>
/// <c>tls</c> on a policy or a port (Istio's <c>agent.ValidateTLS</c>): where certificates come
/// from (files or a credential, not both), what insecureSkipVerify cannot be combined with, and
/// the files MUTUAL needs.
/// </summary>
public static class ClientTlsValidator
{
    private const string ConfigMapPrefix = "configmap://";

    public static void Validate(ClientTLSSettings? tls, string path, string configNamespace, ValidationContext ctx)
    {
        if (tls is null) return;
        var mode = tls.Mode ?? TLSmode.DISABLE;
        var credentialName = tls.CredentialName ?? "";

        if (credentialName.StartsWith(ConfigMapPrefix, StringComparison.Ordinal))
            CheckConfigMapCredential(credentialName, $"{path}.credentialName", configNamespace, ctx);

        if (tls.InsecureSkipVerify == true)
        {
            // SIMPLE can take its CA from either place; MUTUAL's credential also carries the
            // client key, so only the explicit CA file and SANs conflict there.
            if (mode == TLSmode.SIMPLE && (!string.IsNullOrEmpty(tls.CaCertificates) || credentialName != "" || tls.SubjectAltNames is not null))
                ctx.Error($"{path}.insecureSkipVerify",
                    "cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true",
                    "skipping verification makes the CA and SANs meaningless; remove them or insecureSkipVerify");
            if (mode == TLSmode.MUTUAL && (!string.IsNullOrEmpty(tls.CaCertificates) || tls.SubjectAltNames is not null))
                ctx.Error($"{path}.insecureSkipVerify",
                    "cannot specify CaCertificates or SubjectAltNames when InsecureSkipVerify is set true",
                    "skipping verification makes the CA and SANs meaningless; remove them or insecureSkipVerify");
        }

        if (mode is TLSmode.SIMPLE or TLSmode.MUTUAL && credentialName != "")
        {
            if (!string.IsNullOrEmpty(tls.ClientCertificate) || !string.IsNullOrEmpty(tls.CaCertificates)
                || !string.IsNullOrEmpty(tls.PrivateKey) || !string.IsNullOrEmpty(tls.CaCrl))
                ctx.Error($"{path}.credentialName",
                    "cannot specify client certificates or CA certificate or CA CRL If credentialName is set",
                    "the secret named by credentialName supplies them; remove the file fields or credentialName");
            return;
        }

        if (mode == TLSmode.MUTUAL)
        {
            if (string.IsNullOrEmpty(tls.ClientCertificate))
                ctx.Error(path, "client certificate required for mutual tls", "set clientCertificate, or credentialName");
            if (string.IsNullOrEmpty(tls.PrivateKey))
                ctx.Error(path, "private key required for mutual tls", "set privateKey, or credentialName");
        }
    }

    /// <summary>
    /// A <c>configmap://[namespace/]name</c> credential is read with the rule's own identity, so
    /// Istio only allows the rule's namespace.
    /// </summary>
    private static void CheckConfigMapCredential(string credentialName, string path, string configNamespace, ValidationContext ctx)
    {
        var parts = credentialName[ConfigMapPrefix.Length..].Split('/');
        if (parts.Length > 2 || Array.Exists(parts, p => p.Length == 0))
        {
            ctx.Error(path, $"invalid configmap:// credentialName: invalid resource name \"{credentialName}\". Expected name or namespace/name",
                "use configmap://<name> or configmap://<namespace>/<name>");
            return;
        }
        var ns = parts.Length == 2 ? parts[0] : configNamespace;
        if (ns != configNamespace || configNamespace == "")
            ctx.Error(path, $"invalid configmap:// credentialName: namespace must match the configuration namespace \"{configNamespace}\"",
                "a DestinationRule can only read ConfigMaps in its own namespace");
    }
}
