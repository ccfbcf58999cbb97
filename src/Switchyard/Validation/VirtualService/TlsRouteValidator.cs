using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// A <c>spec.tls[i]</c> rule (SNI routing of unterminated TLS): at least one match, each with
/// SNI hosts that fall within the VirtualService's hosts, and a route. Istio's validateTLSRoute
/// and validateTLSMatch.
/// </summary>
internal static class TlsRouteValidator
{
    public static void Validate(TLSRoute? route, string path, VirtualServiceSpec spec, ValidationContext ctx)
    {
        // Istio passes over a null tls rule without a word; so do we.
        if (route is null) return;
        if (route.Match is not { Count: > 0 })
            ctx.Error(path, "TLS route must have at least one match condition", "add match: [{sniHosts: [...]}]");
        for (var i = 0; i < (route.Match?.Count ?? 0); i++)
            ValidateMatch(route.Match![i], $"{path}.match[{i}]", spec, ctx);
        if (route.Route is not { Count: > 0 })
            ctx.Error(path, "TLS route is required", "add route with at least one destination");
        RouteDestinationsValidator.ValidateL4(route.Route, path + ".route", ctx);
    }

    private static void ValidateMatch(TLSMatchAttributes? match, string path, VirtualServiceSpec spec, ValidationContext ctx)
    {
        if (match is null)
        {
            ctx.Error(path, "TLS match may not be null");
            return;
        }
        if (match.SniHosts is not { Count: > 0 })
            ctx.Error(path, "TLS match must have at least one SNI host", "add sniHosts");
        for (var i = 0; i < (match.SniHosts?.Count ?? 0); i++)
            SniHostValidator.Validate(match.SniHosts![i], $"{path}.sniHosts[{i}]", spec, ctx);
        L4MatchValidator.ValidateCommon(match.DestinationSubnets, match.Port, match.SourceLabels, match.Gateways, path, ctx);
    }
}
