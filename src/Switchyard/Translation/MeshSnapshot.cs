using Switchyard.Diagnostics;
using Switchyard.Translation.Clusters;

namespace Switchyard.Translation;

/// <summary>
/// The immutable, versioned routing state the proxy reads: virtual hosts keyed by every name a
/// host answers to (short, name.ns, FQDN, each with and without :port) and clusters by name.
/// Published whole with one volatile write; a request reads one snapshot from start to end.
/// </summary>
public sealed class MeshSnapshot(
    long version,
    IReadOnlyDictionary<string, VirtualHost> virtualHosts,
    IReadOnlyDictionary<string, ClusterSpec> clusters,
    IReadOnlyList<Diagnostic> diagnostics)
{
    public static readonly MeshSnapshot Empty = new(0, new Dictionary<string, VirtualHost>(), new Dictionary<string, ClusterSpec>(), []);

    public long Version { get; } = version;

    // Hosts are case-insensitive; the span lookup lets the request path find "Frontend:80" without
    // allocating a lowered or port-stripped copy of the Host header.
    private readonly Dictionary<string, VirtualHost> _virtualHosts = new(virtualHosts, StringComparer.OrdinalIgnoreCase);

    /// <summary>Host names (case-insensitive), with and without <c>:port</c>.</summary>
    public IReadOnlyDictionary<string, VirtualHost> VirtualHosts => _virtualHosts;

    public IReadOnlyDictionary<string, ClusterSpec> Clusters { get; } = clusters;

    /// <summary>What translation left out and why (e.g. a destination host not in the registry).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;

    private Dictionary<string, VirtualHost>.AlternateLookup<ReadOnlySpan<char>> HostLookup =>
        _virtualHosts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>O(1), allocation-free: the virtual host for a Host header, tried as sent, then
    /// without its port.</summary>
    public VirtualHost? FindVirtualHost(ReadOnlySpan<char> authority)
    {
        var lookup = HostLookup;
        if (lookup.TryGetValue(authority, out var vh)) return vh;
        var colon = authority.LastIndexOf(':');
        // "[::1]:80" strips to "[::1]"; a bare IPv6 literal has no port to strip.
        if (colon > 0 && (authority[0] != '[' || authority[colon - 1] == ']'))
            return lookup.TryGetValue(authority[..colon], out vh) ? vh : null;
        return null;
    }
}
