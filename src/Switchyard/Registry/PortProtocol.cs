namespace Switchyard.Registry;

/// <summary>
/// The protocol Istio infers for a Kubernetes Service port (istio <c>pkg/config/kube</c>
/// ConvertProtocol): UDP from <c>protocol</c>; otherwise <c>appProtocol</c> when set, else the
/// port name, read as <c>&lt;protocol&gt;[-&lt;suffix&gt;]</c> ignoring case; null when unknown.
/// </summary>
public static class PortProtocol
{
    /// <summary>The names Istio's protocol.Parse accepts (lower case).</summary>
    public static readonly IReadOnlyList<string> Known =
        ["grpc", "grpc-web", "http", "http2", "https", "http_proxy", "mongo", "mysql", "redis", "tcp", "tls", "udp"];

    // Ports Istio never sniffs: an unnamed port here is plain TCP (SMTP, DNS, MySQL, MongoDB).
    private static readonly HashSet<int> WellKnownTcpPorts = [25, 53, 3306, 27017];

    public static string? Infer(int port, string? name, string? protocol, string? appProtocol)
    {
        if (protocol == "UDP") return "udp";
        var label = name ?? "";
        if (appProtocol is not null)
        {
            // Kubernetes' standard appProtocol values (KEP-3726), which a name cannot carry.
            switch (appProtocol)
            {
                case "kubernetes.io/h2c": return "http2";
                case "kubernetes.io/ws": return "http";
                case "kubernetes.io/wss": return "https";
            }
            label = appProtocol;
        }
        // "grpc-web" holds the separator itself, so it is checked before splitting at '-'.
        if (label.StartsWith("grpc-web", StringComparison.OrdinalIgnoreCase)) return "grpc-web";
        var dash = label.IndexOf('-');
        var prefix = (dash >= 0 ? label[..dash] : label).ToLowerInvariant();
        if (Known.Contains(prefix)) return prefix;
        return WellKnownTcpPorts.Contains(port) ? "tcp" : null;
    }
}
