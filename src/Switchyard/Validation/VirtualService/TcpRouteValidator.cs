using Switchyard.Model.Networking;

namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// A <c>spec.tcp[i]</c> rule: matches are optional, a route is required. Istio's
/// validateTCPRoute and validateTCPMatch.
/// </summary>
internal static class TcpRouteValidator
{
    public static void Validate(TCPRoute? route, string path, ValidationContext ctx)
    {
        // Istio passes over a null tcp rule without a word; so do we.
        if (route is null) return;
        for (var i = 0; i < (route.Match?.Count ?? 0); i++)
        {
            var matchPath = $"{path}.match[{i}]";
            if (route.Match![i] is not { } match)
            {
                ctx.Error(matchPath, "tcp match may not be nil");
                continue;
            }
            L4MatchValidator.ValidateCommon(match.DestinationSubnets, match.Port, match.SourceLabels, match.Gateways, matchPath, ctx);
        }
        if (route.Route is not { Count: > 0 })
            ctx.Error(path, "TCP route is required", "add route with at least one destination");
        RouteDestinationsValidator.ValidateL4(route.Route, path + ".route", ctx);
    }
}
