using Switchyard.Model.Networking;
using Switchyard.Translation.Policies.Headers;

namespace Switchyard.Translation.Policies.Rewrite;

/// <summary>
/// The route-level host_rewrite_literal pilot writes (route.go applyHTTPRouteDestination):
/// <c>rewrite.authority</c>, else a set/add of <c>:authority</c>/<c>host</c> in the rule's request
/// headers, else (only with a single destination) one in that destination's headers.
/// </summary>
public static class HostRewrite
{
    public static string? ForRoute(HTTPRoute rule)
    {
        if (!string.IsNullOrEmpty(rule.Rewrite?.Authority)) return rule.Rewrite.Authority;
        if (HeaderMutation.AuthorityOf(rule.Headers?.Request) is { } fromHeaders) return fromHeaders;
        HTTPRouteDestination? only = null;
        var count = 0;
        foreach (var d in rule.Route ?? [])
        {
            if (d?.Destination is null) continue;
            only = d;
            count++;
        }
        return count == 1 ? HeaderMutation.AuthorityOf(only!.Headers?.Request) : null;
    }
}
