using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation;

/// <summary>
/// Istio's Gateway rules (<c>ValidateGateway</c>, <c>validateServer</c>, <c>validateServerPort</c>,
/// <c>validateTLSOptions</c> and <c>validateNamespaceSlashWildcardHostname</c> in
/// pkg/config/validation/validation.go), with Istio's message texts, each on its field's line.
/// </summary>
public static class GatewayValidator
{
    // protocol.Parse accepts these (case-insensitive); the API documents the first eight.
    private static readonly HashSet<string> Protocols = new(StringComparer.OrdinalIgnoreCase)
        { "HTTP", "HTTPS", "GRPC", "GRPC-WEB", "HTTP2", "MONGO", "TCP", "TLS", "REDIS", "MYSQL", "UDP", "HTTP_PROXY" };

    private static readonly HashSet<string> HttpProtocols = new(StringComparer.OrdinalIgnoreCase)
        { "HTTP", "HTTP2", "HTTP_PROXY", "GRPC", "GRPC-WEB" };

    public static void Validate(Gateway gw, ValidationContext ctx)
    {
        // Gateway names end up in listener and route names, so Istio wants a DNS label (no dots).
        if (gw.Name.Length > 0 && !DnsNames.IsDns1123Label(gw.Name))
            ctx.Error("metadata.name", $"invalid gateway name: {GoText.Quote(gw.Name)}");

        var servers = gw.Spec.Servers ?? [];
        if (servers.Count == 0) ctx.Error("spec.servers", "gateway must have at least one server");
        for (var i = 0; i < servers.Count; i++)
        {
            if (servers[i] is { } server) ValidateServer(server, $"spec.servers[{i}]", ctx);
            else ctx.Error($"spec.servers[{i}]", "server may not be null");
        }

        var portNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < servers.Count; i++)
        {
            if (servers[i]?.Port is not { } port) continue;
            var name = port.Name ?? "";
            if (!portNames.Add(name))
                ctx.Error($"spec.servers[{i}].port.name", $"port names in servers must be unique: duplicate name {name}");
            if (!HttpProtocols.Contains(port.Protocol ?? "") && servers[i]!.Tls?.HttpsRedirect == true)
                ctx.Warning($"spec.servers[{i}].tls.httpsRedirect", "tls.httpsRedirect should only be used with http servers");
        }

        foreach (var problem in Labels.CheckLabels(gw.Spec.Selector))
            ctx.Error("spec.selector", problem);
    }

    private static void ValidateServer(Server server, string path, ValidationContext ctx)
    {
        var hosts = server.Hosts ?? [];
        if (hosts.Count == 0) ctx.Error($"{path}.hosts", "server config must contain at least one host");
        for (var j = 0; j < hosts.Count; j++)
            foreach (var problem in CheckHost(hosts[j]))
                ctx.Error($"{path}.hosts[{j}]", problem);

        var portOk = ValidatePort(server, path, ctx);
        ValidateTls(server.Tls, $"{path}.tls", ctx);
        if (!portOk) return;

        var protocol = server.Port!.Protocol ?? "";
        var isTls = protocol.Equals("HTTPS", StringComparison.OrdinalIgnoreCase) || protocol.Equals("TLS", StringComparison.OrdinalIgnoreCase);
        if (isTls && server.Tls is null)
            ctx.Error($"{path}.tls", "server must have TLS settings for HTTPS/TLS protocols",
                "add tls: {mode: SIMPLE, credentialName: <secret>}, or use protocol HTTP");
        else if (!isTls && server.Tls is { } tls)
        {
            // An HTTP server may carry tls only to redirect to HTTPS (httpsRedirect, mode left PASSTHROUGH).
            if (!HttpProtocols.Contains(protocol))
                ctx.Error($"{path}.tls", "server cannot have TLS settings for non HTTPS/TLS ports");
            else if (tls.Mode is not (null or ServerTLSMode.PASSTHROUGH or ServerTLSMode.AUTO_PASSTHROUGH)
                     || !string.IsNullOrEmpty(tls.CaCertificates) || !string.IsNullOrEmpty(tls.PrivateKey) || !string.IsNullOrEmpty(tls.ServerCertificate))
                ctx.Error($"{path}.tls", "server cannot have TLS settings for plain text HTTP ports",
                    "to terminate TLS use protocol HTTPS; on an HTTP server tls may only set httpsRedirect");
        }
    }

    /// <summary>Istio's <c>validateServerPort</c>; true when the port raised no error.</summary>
    private static bool ValidatePort(Server server, string path, ValidationContext ctx)
    {
        if (server.Port is not { } port)
        {
            ctx.Error($"{path}.port", "port is required");
            return false;
        }
        var ok = true;
        if (!Protocols.Contains(port.Protocol ?? ""))
        {
            ok = false;
            ctx.Error($"{path}.port.protocol",
                $"invalid protocol {GoText.Quote(port.Protocol ?? "")}, supported protocols are HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP",
                "Gateway protocols: HTTP, HTTPS, GRPC, GRPC-WEB, HTTP2, MONGO, TCP, TLS");
        }
        // A unix-socket bind needs no port number.
        var number = port.Number ?? 0;
        if (number > 0 || !(server.Bind ?? "").StartsWith("unix://", StringComparison.Ordinal))
        {
            if (Ports.CheckPort(number) is { } error)
            {
                ok = false;
                ctx.Error($"{path}.port.number", error);
            }
        }
        if (string.IsNullOrEmpty(port.Name))
        {
            ok = false;
            ctx.Error($"{path}.port.name", $"port name must be set: {ProtoText(port)}");
        }
        return ok;
    }

    /// <summary>Istio's <c>validateTLSOptions</c>.</summary>
    private static void ValidateTls(ServerTLSSettings? tls, string path, ValidationContext ctx)
    {
        if (tls is null) return;
        var mode = tls.Mode ?? ServerTLSMode.PASSTHROUGH;
        if (mode == ServerTLSMode.ISTIO_MUTUAL)
        {
            // Istio's own certificates are used; files given alongside would be ignored.
            if (!string.IsNullOrEmpty(tls.ServerCertificate))
                ctx.Error($"{path}.serverCertificate", "ISTIO_MUTUAL TLS cannot have associated server certificate");
            if (!string.IsNullOrEmpty(tls.PrivateKey))
                ctx.Error($"{path}.privateKey", "ISTIO_MUTUAL TLS cannot have associated private key");
            if (!string.IsNullOrEmpty(tls.CaCertificates))
                ctx.Error($"{path}.caCertificates", "ISTIO_MUTUAL TLS cannot have associated CA bundle");
            return;
        }
        if (mode is not (ServerTLSMode.SIMPLE or ServerTLSMode.MUTUAL or ServerTLSMode.OPTIONAL_MUTUAL)) return;
        // With a credential the certificates (and the client CA) come from the secret.
        if (!string.IsNullOrEmpty(tls.CredentialName) || tls.CredentialNames is { Count: > 0 }) return;

        var prefix = mode == ServerTLSMode.SIMPLE ? "SIMPLE" : "MUTUAL";
        var hasCertificates = tls.TlsCertificates is { Count: > 0 };
        const string hint = "set credentialName to a kubernetes.io/tls Secret in the gateway's namespace, or serverCertificate and privateKey file paths";
        if (string.IsNullOrEmpty(tls.ServerCertificate) && !hasCertificates)
            ctx.Error($"{path}.serverCertificate", $"{prefix} TLS requires a server certificate", hint);
        if (string.IsNullOrEmpty(tls.PrivateKey) && !hasCertificates)
            ctx.Error($"{path}.privateKey", $"{prefix} TLS requires a private key", hint);
        if (mode != ServerTLSMode.SIMPLE && string.IsNullOrEmpty(tls.CaCertificates))
            ctx.Error($"{path}.caCertificates", "MUTUAL TLS requires a client CA bundle",
                "set caCertificates to the CA that signs client certificates, or use credentialName (its Secret's ca.crt)");
    }

    /// <summary>Istio's <c>validateNamespaceSlashWildcardHostname</c> for gateways: <c>ns/host</c> or an old-style bare host.</summary>
    private static IEnumerable<string> CheckHost(string entry)
    {
        var slash = entry.IndexOf('/');
        if (slash < 0)
        {
            foreach (var p in CheckHostnamePart(entry)) yield return p;
            yield break;
        }
        var ns = entry[..slash];
        var host = entry[(slash + 1)..];
        if (ns.Length == 0 || host.Length == 0)
            yield return "config namespace and dnsName in host entry cannot be empty";
        if (ns != "*" && ns != "." && !DnsNames.IsDns1123Label(ns))
            yield return $"invalid namespace value {GoText.Quote(ns)} in gateway";
        foreach (var p in CheckHostnamePart(host)) yield return p;
    }

    // Istio's validateSidecarOrGatewayHostnamePart with isGateway: an FQDN or wildcard, or an IP address.
    private static IEnumerable<string> CheckHostnamePart(string host)
    {
        if (host != "*" && !host.Contains('.'))
            yield return "short names (non FQDN) are not allowed";
        if (DnsNames.CheckWildcardDomain(host) is { } error && !IpAddresses.IsIPAddress(host))
            yield return error;
    }

    // Go's %v of a *networking.Port (proto text): unset fields are left out.
    private static string ProtoText(GatewayPort port)
    {
        var parts = new List<string>();
        if (port.Number is { } n and > 0) parts.Add($"number:{n}");
        if (!string.IsNullOrEmpty(port.Protocol)) parts.Add($"protocol:{GoText.Quote(port.Protocol)}");
        if (port.TargetPort is { } t and > 0) parts.Add($"target_port:{t}");
        return string.Join(" ", parts);
    }
}
