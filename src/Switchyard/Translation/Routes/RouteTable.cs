namespace Switchyard.Translation.Routes;

/// <summary>Route selection within a virtual host: Envoy walks routes in order and the first whose
/// match holds wins (Istio keeps the VirtualService's http rule order).</summary>
public static class RouteTable
{
    /// <summary>The first route whose matcher accepts the request, or null (Envoy: 404 NR).</summary>
    public static RouteEntry? Match(VirtualHost virtualHost, IRequestView request)
    {
        var routes = virtualHost.Routes;
        for (var i = 0; i < routes.Count; i++)
        {
            var route = routes[i];
            if (route.Matcher.Matches(request))
            {
                return route;
            }
        }
        return null;
    }
}
