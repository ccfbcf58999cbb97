using Switchyard.Translation.Policies.Retries;
using Switchyard.Translation.Routes;

namespace Switchyard.Explain;

/// <summary>The matched rule's policies in effect, with Istio's defaults named as such: retries
/// (Istio's default policy when the rule has none), timeout, and what the proxy answers itself.</summary>
public static class RoutePolicy
{
    public static IReadOnlyList<string> Describe(RouteEntry route)
    {
        var lines = new List<string>();
        if (route.Retries is { } r)
        {
            var isDefault = r == RetryPolicy.Default;
            var codes = r.RetriableStatusCodes.Count > 0 ? $", status {string.Join(", ", r.RetriableStatusCodes)}" : "";
            var perTry = r.PerTryTimeout is { } t ? $", perTryTimeout {t.TotalMilliseconds}ms" : "";
            lines.Add($"retries: {r.NumRetries} on {RetryOnParser.Format(r.RetryOn)}{codes}{perTry}{(isDefault ? " (Istio's default)" : "")}");
        }
        else
        {
            lines.Add("retries: none (attempts: 0)");
        }
        lines.Add(route.Timeout is { } timeout ? $"timeout: {timeout.Timeout.TotalMilliseconds}ms" : "timeout: none (Istio's default: no route timeout)");
        if (route.Fault is not null) lines.Add("fault: injected (see the rule's fault)");
        if (route.Mirror is not null) lines.Add("mirror: shadow copies are sent (Host -shadow)");
        if (route.Rewrite is not null) lines.Add("rewrite: the path or authority is rewritten");
        return lines;
    }
}
