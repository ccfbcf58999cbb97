using Switchyard.Model.Networking;
using Switchyard.Validation.Rules;

namespace Switchyard.Validation.VirtualServices;

/// <summary>
/// Header keys of the form <c>@request.auth.claims.&lt;claim&gt;</c> (or <c>[a][b]</c>) route on
/// JWT claims, which only gateways can do: Istio rejects them in a VirtualService that applies
/// to sidecars (pkg/jwt ToRoutingClaim, used by ValidateVirtualService).
/// </summary>
internal static class JwtClaimRoutesValidator
{
    public static void Validate(VirtualServiceSpec spec, ValidationContext ctx)
    {
        var gateways = "[" + string.Join(' ', spec.Gateways ?? []) + "]";
        for (var i = 0; i < (spec.Http?.Count ?? 0); i++)
        {
            var matches = spec.Http![i]?.Match;
            for (var j = 0; j < (matches?.Count ?? 0); j++)
            {
                var match = matches![j];
                if (match is null) continue;
                var path = $"spec.http[{i}].match[{j}]";
                Check(match.Headers, path + ".headers", gateways, ctx);
                Check(match.WithoutHeaders, path + ".withoutHeaders", gateways, ctx);
            }
        }
    }

    private static void Check(IReadOnlyDictionary<string, StringMatch?>? headers, string path, string gateways, ValidationContext ctx)
    {
        if (headers is null) return;
        foreach (var key in headers.Keys)
        {
            if (HeaderNames.IsJwtClaimRoute(key))
                ctx.Error($"{path}.{key}",
                    $"JWT claim based routing (key: {key}) is only supported for gateway, found no gateways: {gateways}",
                    "bind the VirtualService to an ingress gateway (gateways without \"mesh\")");
        }
    }
}
