using Switchyard.Analysis;
using Switchyard.Diagnostics;
using Switchyard.Translation.Routes;

namespace Switchyard.Explain;

/// <summary>What the proxy answers for a matched rule: its own reply (redirect, direct
/// response), 503 NC for a destination whose cluster does not exist, 503 UH for one with no
/// endpoint and no workload, else the upstream's answer. A failure carries the hint of the
/// <c>analyze</c> message about it (IST0101 for a missing subset, IST0173 for a subset that
/// selects no pod), so both commands say the same.</summary>
public static class Verdicts
{
    public static Verdict Of(OfflineMesh mesh, RouteEntry route, IReadOnlyList<DestinationExplanation> destinations)
    {
        if (route.Redirect is { } redirect) return new Verdict(redirect.Status, "-", "answered by the proxy: redirect", null);
        if (route.DirectResponse is { } direct) return new Verdict(direct.Status, "-", "answered by the proxy: direct response", null);
        if (destinations.FirstOrDefault(d => d.Cluster is null) is { } missing)
        {
            var what = missing.Subset is null ? $"host {missing.Host}" : $"subset {missing.Subset} of host {missing.Host}";
            return new Verdict(503, "NC", $"{what} has no cluster: {(missing.Subset is null ? "no Service or ServiceEntry defines it" : "no DestinationRule that applies defines the subset")}",
                AnalyzeHint(mesh, route, "IST0101", missing.Subset ?? missing.Host));
        }
        if (destinations.FirstOrDefault(d => d.Cluster is { Endpoints.Count: 0, Workloads.Count: 0 }) is { } empty)
            return new Verdict(503, "UH", $"cluster {empty.ClusterName} has no endpoint: no pod or address matches",
                AnalyzeHint(mesh, null, "IST0173", empty.Subset ?? empty.Host));
        var upstreams = string.Join(", ", destinations.Select(d => $"{d.ClusterName} ({d.Weight}%)"));
        return new Verdict(200, "-", $"forwarded to {upstreams}; the status is the upstream's", null);
    }

    /// <summary>The hint of the analyzer message with <paramref name="code"/> that names
    /// <paramref name="subject"/> (and the route's VirtualService when given).</summary>
    private static string? AnalyzeHint(OfflineMesh mesh, RouteEntry? route, string code, string subject)
    {
        var messages = AnalysisRunner.Run(mesh.Load.Analyzed, new AnalysisOptions { AllNamespaces = true }, Suppressions.Parse([], out _));
        return messages.FirstOrDefault(m => m.Code == code && m.Message.Contains(subject, StringComparison.Ordinal)
            && (route is null || m.Resource == route.Source.Resource))?.Hint;
    }
}
