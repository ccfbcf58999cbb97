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

    /// <summary>Keys are lowercase host names, with and without <c>:port</c>.</summary>
    public IReadOnlyDictionary<string, VirtualHost> VirtualHosts { get; } = virtualHosts;

    public IReadOnlyDictionary<string, ClusterSpec> Clusters { get; } = clusters;

    /// <summary>What translation left out and why (e.g. a destination host not in the registry).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>O(1): the virtual host for a Host header, tried as sent, then without its port.
    /// Hosts are case-insensitive; callers pass what the client sent.</summary>
    public VirtualHost? FindVirtualHost(string authority)
    {
        if (VirtualHosts.TryGetValue(authority, out var vh)) return vh;
        var lower = authority.ToLowerInvariant();
        if (VirtualHosts.TryGetValue(lower, out vh)) return vh;
        var colon = lower.LastIndexOf(':');
        if (colon > 0 && lower[0] != '[' || colon > 0 && lower[colon - 1] == ']')
            return VirtualHosts.GetValueOrDefault(lower[..colon]);
        return null;
    }
}
