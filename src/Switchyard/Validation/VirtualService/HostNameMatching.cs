namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// Istio's host.Name comparisons (pkg/config/host/name.go): a leading <c>*</c> stands for any
/// prefix, so <c>*.foo.com</c> covers <c>a.foo.com</c> and <c>*.com</c> covers <c>*.foo.com</c>.
/// </summary>
internal static class HostNameMatching
{
    private static bool IsWildcarded(string host) => host.Length > 0 && host[0] == '*';

    /// <summary>True when some name is matched by both (Istio's Name.Matches): an overlap.</summary>
    public static bool Overlaps(string a, string b)
    {
        var aWild = IsWildcarded(a);
        var bWild = IsWildcarded(b);
        if (aWild && bWild)
            return a.Length < b.Length
                ? b[1..].EndsWith(a[1..], StringComparison.Ordinal)
                : a[1..].EndsWith(b[1..], StringComparison.Ordinal);
        if (aWild) return b.EndsWith(a[1..], StringComparison.Ordinal);
        if (bWild) return a.EndsWith(b[1..], StringComparison.Ordinal);
        return a == b;
    }

    /// <summary>True when every name <paramref name="inner"/> matches is matched by <paramref name="outer"/> (Name.SubsetOf).</summary>
    public static bool IsSubsetOf(string inner, string outer)
    {
        var innerWild = IsWildcarded(inner);
        var outerWild = IsWildcarded(outer);
        if (innerWild)
            return outerWild && inner.Length >= outer.Length
                && inner[1..].EndsWith(outer[1..], StringComparison.Ordinal);
        if (outerWild) return inner.EndsWith(outer[1..], StringComparison.Ordinal);
        return inner == outer;
    }
}
