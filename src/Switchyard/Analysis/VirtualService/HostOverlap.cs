namespace Switchyard.Analysis.VirtualServices;

/// <summary>
/// Istio's <c>host.Name.Matches</c> (pkg/config/host/name.go), which the gateway and mesh-host
/// analyzers use: two names overlap when equal, or when one is a wildcard whose suffix covers
/// the other (either way round; <c>*</c> covers everything). Case-sensitive, as in Go.
/// </summary>
internal static class HostOverlap
{
    public static bool Overlaps(string a, string b)
    {
        var aWild = a.StartsWith('*');
        var bWild = b.StartsWith('*');
        if (aWild && bWild)
            return a.Length < b.Length
                ? b.AsSpan(1).EndsWith(a.AsSpan(1), StringComparison.Ordinal)
                : a.AsSpan(1).EndsWith(b.AsSpan(1), StringComparison.Ordinal);
        if (aWild) return b.AsSpan().EndsWith(a.AsSpan(1), StringComparison.Ordinal);
        if (bWild) return a.AsSpan().EndsWith(b.AsSpan(1), StringComparison.Ordinal);
        return string.Equals(a, b, StringComparison.Ordinal);
    }
}
