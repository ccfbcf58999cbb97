using Switchyard.Model.Networking;
using Switchyard.Translation.Policies.Rewrite;

namespace Switchyard.Translation.Policies.Headers;

/// <summary>
/// A rule's <c>headers</c> and its destinations' <c>headers</c>, as pilot lays them out for Envoy
/// (route.go translateRoute / processDestination / processWeightedDestination): with one
/// destination, its operations are appended to the route's (one parser); with several, each keeps
/// its own, evaluated before the route's. Request authority operations become host rewrites, not
/// headers (see <see cref="HostRewrite"/>).
/// </summary>
public sealed class HeadersPolicy
{
    // Position in the rule's route list → that destination's operations; read at translation,
    // when each WeightedCluster takes its own (the proxy never looks destinations up).
    private readonly int[] _keys;
    private readonly DestinationHeaders[] _values;

    private HeadersPolicy(HeaderMutation? request, HeaderMutation? response, int[] keys, DestinationHeaders[] values)
    {
        Request = request;
        Response = response;
        _keys = keys;
        _values = values;
    }

    /// <summary>The route-level request operations (with a single destination's merged in).</summary>
    public HeaderMutation? Request { get; }

    /// <summary>The route-level response operations (with a single destination's merged in).</summary>
    public HeaderMutation? Response { get; }

    /// <summary>Null when neither the rule nor any destination has header operations.</summary>
    public static HeadersPolicy? Compile(HTTPRoute rule)
    {
        var destinations = new List<(HTTPRouteDestination Dest, int Index)>();
        var route = rule.Route ?? [];
        for (var i = 0; i < route.Count; i++)
            if (route[i] is { Destination: not null } d) destinations.Add((d, i));

        if (destinations.Count == 1)
        {
            var only = destinations[0].Dest.Headers;
            var request = HeaderMutation.Compile(rule.Headers?.Request, only?.Request);
            var response = HeaderMutation.Compile(rule.Headers?.Response, only?.Response);
            return request is null && response is null ? null : new HeadersPolicy(request, response, [], []);
        }

        var routeRequest = HeaderMutation.Compile(rule.Headers?.Request);
        var routeResponse = HeaderMutation.Compile(rule.Headers?.Response);
        var routeRewritesHost = HostRewrite.ForRoute(rule) is not null;
        var keys = new List<int>();
        var values = new List<DestinationHeaders>();
        foreach (var (d, index) in destinations)
        {
            if (d.Headers is not { } h) continue;
            var authority = routeRewritesHost ? null : HeaderMutation.AuthorityOf(h.Request);
            var entry = new DestinationHeaders(HeaderMutation.Compile(h.Request), HeaderMutation.Compile(h.Response), authority);
            if (entry.Request is null && entry.Response is null && entry.Authority is null) continue;
            keys.Add(index);
            values.Add(entry);
        }
        return routeRequest is null && routeResponse is null && keys.Count == 0
            ? null
            : new HeadersPolicy(routeRequest, routeResponse, keys.ToArray(), values.ToArray());
    }

    /// <summary>The own operations of the destination at <paramref name="routeIndex"/> in the
    /// rule's <c>route</c> list (only when the route has several), or null. Two destinations
    /// written alike are still two weighted clusters, each with its own.</summary>
    public DestinationHeaders? For(int routeIndex)
    {
        for (var i = 0; i < _keys.Length; i++)
            if (_keys[i] == routeIndex) return _values[i];
        return null;
    }
}
