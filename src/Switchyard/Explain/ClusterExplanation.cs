using System.Text.Json;
using System.Text.Json.Nodes;
using Switchyard.Translation;
using Switchyard.Translation.Clusters;

namespace Switchyard.Explain;

/// <summary>A destination cluster as explain shows it: its merged DestinationRule policy (one line
/// per part, as <c>/config_dump</c> writes it), the endpoints its subset selects, and, when the
/// files give no address, the workloads whose pods it would select.</summary>
public sealed record ClusterExplanation(string Name, string? Source, IReadOnlyList<string> Policy, IReadOnlyList<string> Endpoints, IReadOnlyList<string> Workloads)
{
    public static ClusterExplanation Of(ClusterSpec spec, IReadOnlyList<string> workloads)
    {
        var policy = JsonSerializer.SerializeToNode(spec.Policy, SnapshotRecordJson.Default.ClusterPolicy)!.AsObject();
        var lines = new List<string>();
        foreach (var (name, value) in policy) lines.Add($"{Label(name)}: {value?.ToJsonString()}");
        if (spec.Policy.Outlier is null) lines.Add("outlier detection: none");
        if (spec.Policy.Tls is null) lines.Add("tls: none (plaintext upstream)");
        var endpoints = spec.Endpoints.Select(e => $"{e} {{{string.Join(", ", e.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}: {l.Value}"))}}}").ToList();
        return new ClusterExplanation(spec.Name, spec.Source?.ToString(), lines, endpoints, workloads);
    }

    private static string Label(string field) => field switch
    {
        "loadBalancer" => "load balancer",
        "client" => "upstream client",
        "pool" => "connection pool",
        "outlier" => "outlier detection",
        _ => field,
    };
}
