namespace Switchyard.Translation.Routes;

/// <summary>Route selection within a virtual host: Envoy walks routes in order and the first whose
/// match holds wins (Istio keeps the VirtualService's http rule order).</summary>
public static class RouteTable
{
    /// <summary>The first route whose matcher accepts the request, or null (Envoy: 404 NR).</summary>
    public static RouteEntry? Match(VirtualHost virtualHost, IRequestView request) => Match(virtualHost, request, out _);

    /// <summary>As <see cref="Match(VirtualHost, IRequestView)"/>, also telling which entry of the
    /// route's <c>match</c> list held (<see cref="RouteMatcher.MatchingIndex"/>), so a later step
    /// (a rewrite that depends on it) need not run the matcher again.</summary>
    public static RouteEntry? Match(VirtualHost virtualHost, IRequestView request, out int matchIndex)
    {
        var routes = virtualHost.Routes;
        for (var i = 0; i < routes.Count; i++)
        {
            var route = routes[i];
            matchIndex = route.Matcher.MatchingIndex(request);
            if (matchIndex != RouteMatcher.NoMatch)
            {
                return route;
            }
        }
        matchIndex = RouteMatcher.NoMatch;
        return null;
    }
}
