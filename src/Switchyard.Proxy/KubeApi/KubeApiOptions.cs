using System.Net;

namespace Switchyard.Proxy.KubeApi;

/// <summary>
/// The Kubernetes-compatible config API (<c>switchyard run --kube-api ADDR</c>): where it listens,
/// the config directory it stores objects in, and its auth. Without a token it serves only a
/// loopback address; with <see cref="CertificateFile"/> and <see cref="KeyFile"/> it speaks TLS.
/// </summary>
public sealed record KubeApiOptions
{
    public required IPEndPoint Listen { get; init; }

    /// <summary>The config directory: objects are stored as YAML files here, which the file source applies.</summary>
    public required string Directory { get; init; }

    /// <summary>The bearer token every request must carry (<c>--kube-api-token-file</c>); null for none (loopback only).</summary>
    public string? Token { get; init; }

    /// <summary>PEM certificate and key for TLS (<c>--kube-api-cert</c>, <c>--kube-api-key</c>); null for plain HTTP.</summary>
    public string? CertificateFile { get; init; }

    public string? KeyFile { get; init; }

    /// <summary>How long a watch that asked for bookmarks may stay quiet before one is sent (the API server's is about a minute).</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How many changes a watch can resume across; older resourceVersions get 410 Gone.</summary>
    public int HistoryLimit { get; init; } = 10_000;

    /// <summary>The namespace of a file's object that names none (the proxy's namespace).</summary>
    public string DefaultNamespace { get; init; } = "default";
}
