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

    /// <summary>Wildcard hosts (<c>*.example.com</c>, <c>*</c>) as suffixes, longest first.</summary>
    private readonly (string Suffix, VirtualHost Host)[] _wildcards = Wildcards(virtualHosts);

    /// <summary>O(1), allocation-free: the virtual host for a Host header, tried as sent, then
    /// without its port; only on a miss, Envoy's wildcard domains, the longest suffix first.</summary>
    public VirtualHost? FindVirtualHost(ReadOnlySpan<char> authority)
    {
        var lookup = HostLookup;
        if (lookup.TryGetValue(authority, out var vh)) return vh;
        var colon = authority.LastIndexOf(':');
        // "[::1]:80" strips to "[::1]"; a bare IPv6 literal has no port to strip.
        if (colon > 0 && (authority[0] != '[' || authority[colon - 1] == ']'))
        {
            authority = authority[..colon];
            if (lookup.TryGetValue(authority, out vh)) return vh;
        }
        return FindWildcard(authority);
    }

    /// <summary>Envoy's virtual host domains: <c>*.example.com</c> matches any host ending in
    /// <c>.example.com</c> with at least one more character, the longest suffix wins, and <c>*</c>
    /// matches whatever nothing else did.</summary>
    private VirtualHost? FindWildcard(ReadOnlySpan<char> host)
    {
        foreach (var (suffix, vh) in _wildcards)
            if (host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return vh;
        return null;
    }

    private static (string, VirtualHost)[] Wildcards(IReadOnlyDictionary<string, VirtualHost> hosts)
    {
        var list = new List<(string Suffix, VirtualHost Host)>();
        foreach (var (key, vh) in hosts)
            if (key.StartsWith('*') && !key.Contains(':')) list.Add((key[1..], vh));
        list.Sort((a, b) => b.Suffix.Length != a.Suffix.Length
            ? b.Suffix.Length.CompareTo(a.Suffix.Length)
            : string.CompareOrdinal(a.Suffix, b.Suffix));
        return list.ToArray();
    }
}
