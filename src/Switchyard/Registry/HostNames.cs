namespace Switchyard.Registry;

/// <summary>
/// Istio's host-name rules. A short name in a resource of namespace <c>ns</c> means
/// <c>name.ns.svc.cluster.local</c> (qualified with the namespace of the rule, not of the
/// service); a name with a dot, or a wildcard, is taken as written.
/// </summary>
public static class HostNames
{
    public const string ClusterDomain = "svc.cluster.local";

    public static string ToFqdn(string host, string ns)
    {
        if (host.Length == 0 || host.StartsWith('*') || host.Contains('.')) return host;
        return $"{host}.{ns}.{ClusterDomain}";
    }

    /// <summary>True when <paramref name="host"/> is matched by <paramref name="pattern"/>
    /// (equal, or pattern <c>*.suffix</c> / <c>*</c> covering it).</summary>
    public static bool Matches(string pattern, string host)
    {
        if (pattern == "*") return true;
        if (pattern.StartsWith("*", StringComparison.Ordinal))
            return host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
                || host.StartsWith("*", StringComparison.Ordinal) && host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase);
        return string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Splits <c>name.ns.svc.cluster.local</c> into (namespace, name); null otherwise.</summary>
    public static (string Namespace, string Name)? SplitServiceFqdn(string fqdn)
    {
        var suffix = "." + ClusterDomain;
        if (!fqdn.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return null;
        var parts = fqdn[..^suffix.Length].Split('.');
        return parts.Length == 2 ? (parts[1], parts[0]) : null;
    }
}
