using System.Text;

namespace Switchyard.Explain;

/// <summary><c>explain</c>'s text: the request, each rule tried in order with the condition that
/// failed, the destinations with their weights and merged cluster policy and endpoints, the
/// route's policies, and the verdict with its fix.</summary>
public static class ExplanationText
{
    public static string Write(Explanation e)
    {
        var text = new StringBuilder();
        var r = e.Request;
        var headers = r.Headers is { Count: > 0 } h ? "  " + string.Join(" ", h.Select(kv => $"{kv.Key}: {kv.Value}")) : "";
        text.Append($"request: {r.Method} {r.Authority}{r.Path}{headers}\n");
        if (e.VirtualHost is not null) text.Append($"virtual host: {e.VirtualHost}\n");
        foreach (var rule in e.Rules)
        {
            var where = rule.Index >= 0 ? $"http[{rule.Index}] {rule.Name} ({rule.Span})" : $"default route {rule.Name} ({rule.Span})";
            text.Append(rule.Matched ? $"  ✔ {where}: matches\n" : $"  ✘ {where}: does not match\n");
            foreach (var why in rule.FailedConditions) text.Append($"      {why} does not hold\n");
        }
        if (e.Route is { } route) text.Append($"route: {route}\n");
        foreach (var d in e.Destinations)
        {
            text.Append($"destination: {d.Host}{(d.Subset is null ? "" : $" subset {d.Subset}")}  weight {d.Weight}%  cluster {d.ClusterName}\n");
            if (d.Cluster is not { } c)
            {
                text.Append("    no such cluster\n");
                continue;
            }
            if (c.Source is not null) text.Append($"    policy from {c.Source}\n");
            foreach (var line in c.Policy) text.Append($"    {line}\n");
            if (c.Endpoints.Count > 0) text.Append($"    endpoints: {string.Join(", ", c.Endpoints)}\n");
            else if (c.Workloads.Count > 0) text.Append($"    endpoints: no address in the files; selects the pods of {string.Join(", ", c.Workloads)}\n");
            else text.Append("    endpoints: none\n");
        }
        foreach (var line in e.RoutePolicy) text.Append($"  {line}\n");
        var v = e.Verdict;
        text.Append($"verdict: {v.Status}{(v.Flag == "-" ? "" : " " + v.Flag)}: {v.Message}\n");
        if (v.Hint is not null) text.Append($"  hint: {v.Hint}\n");
        return text.ToString();
    }
}
