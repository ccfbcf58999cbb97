using System.Text.Json;
using Switchyard.Model.Networking;
using Switchyard.Translation.Policies.Cors;
using Switchyard.Translation.Policies.DirectResponse;
using Switchyard.Translation.Policies.Faults;
using Switchyard.Translation.Policies.Headers;
using Switchyard.Translation.Policies.Mirror;
using Switchyard.Translation.Policies.Redirect;
using Switchyard.Translation.Policies.Rewrite;
using Switchyard.Translation.Policies.Retries;
using Switchyard.Translation.Policies.Timeouts;
using Switchyard.Translation.Routes;

namespace Switchyard.Translation;

/// <summary>
/// One VirtualService HTTP rule → a compiled <see cref="RouteEntry"/>. Weights follow pilot's
/// translateRoute (pilot/pkg/networking/core/route/route.go): a single destination takes all
/// traffic whatever its weight; with several, a destination whose weight is omitted or 0 is
/// dropped. Where Istio's webhook would have rejected the rule (several destinations, all
/// weights 0) we split equally rather than leave the route with no destination.
/// </summary>
internal static class RouteBuilder
{
    public static RouteEntry Build(VirtualService vs, int index, HTTPRoute rule, TranslationContext ctx)
    {
        var path = $"spec.http[{index}]";
        var name = string.IsNullOrEmpty(rule.Name) ? $"{vs.Name}.{vs.Namespace}.{index}" : rule.Name;
        var matcher = RouteMatcher.Compile(rule.Match, ctx.Options.WorkloadLabels);
        var source = new Provenance(vs.Ref, index, vs.SpanOf(path));
        var mirror = Mirrors(vs, rule, path, ctx);
        var headers = HeadersPolicy.Compile(rule);
        return new RouteEntry(name, matcher, Destinations(vs, rule, path, headers, ctx), source)
        {
            LogName = string.IsNullOrEmpty(rule.Name) ? null : rule.Name,
            WrittenMatch = JsonSerializer.Serialize(rule.Match ?? [], SnapshotRecordJson.Default.IReadOnlyListHTTPMatchRequest),
            WrittenPolicies = WrittenPolicies(rule),

            // Compiled per-route policies, one per Istio field, each read by its step in the proxy.
            Retries = RetryPolicy.From(rule.Retries),

            Timeout = RouteTimeout.From(rule.Timeout),

            Fault = FaultPolicy.Compile(rule.Fault),

            Mirror = mirror,

            Rewrite = RewritePolicy.Compile(rule),

            Redirect = RedirectPolicy.Compile(rule.Redirect),

            DirectResponse = DirectResponsePolicy.Compile(rule.DirectResponse),

            Headers = headers,

            Cors = CrossOriginPolicy.Compile(rule),
        };
    }

    private static string? WrittenPolicies(HTTPRoute rule)
    {
        var policies = rule with { Name = null, Match = null, Route = null, Delegate = null, Retries = null };
        return policies == new HTTPRoute() ? null : JsonSerializer.Serialize(policies, SnapshotRecordJson.Default.HTTPRoute);
    }

    private static List<WeightedCluster> Destinations(VirtualService vs, HTTPRoute rule, string path, HeadersPolicy? headers, TranslationContext ctx)
    {
        var written = new List<(HTTPRouteDestination Dest, int Index)>();
        var list = rule.Route ?? [];
        for (var i = 0; i < list.Count; i++)
            if (list[i]?.Destination is not null) written.Add((list[i]!, i));

        var result = new List<WeightedCluster>(written.Count);
        if (written.Count == 1)
        {
            var (d, i) = written[0];
            result.Add(new WeightedCluster(Cluster(vs, d, $"{path}.route[{i}]", ctx), d.Weight is > 0 ? d.Weight.Value : 100, headers?.For(i)));
            return result;
        }
        var allZero = written.All(w => (w.Dest.Weight ?? 0) <= 0);
        foreach (var (d, i) in written)
        {
            var weight = allZero ? 1 : d.Weight ?? 0;
            if (weight <= 0) continue;
            result.Add(new WeightedCluster(Cluster(vs, d, $"{path}.route[{i}]", ctx), weight, headers?.For(i)));
        }
        return result;
    }

    private static string Cluster(VirtualService vs, HTTPRouteDestination d, string path, TranslationContext ctx) =>
        DestinationResolver.Resolve(d.Destination!, vs, path + ".destination", ctx);

    /// <summary>Mirror targets need their clusters too, though no weight sends traffic there; the
    /// names go into the route's <see cref="MirrorPolicy"/> (pilot's MirrorPercent and
    /// MirrorPercentByPolicy: unset share = 100%, an explicit 0 = no mirror).</summary>
    private static MirrorPolicy? Mirrors(VirtualService vs, HTTPRoute rule, string path, TranslationContext ctx)
    {
        List<MirrorTarget>? targets = null;
        if (rule.Mirror is { } mirror)
        {
            var name = DestinationResolver.Resolve(mirror, vs, path + ".mirror", ctx);
            var share = MirrorPolicy.Share(rule.MirrorPercentage, rule.MirrorPercent);
            if (!share.IsNone) (targets ??= []).Add(new MirrorTarget(name, share));
        }
        var mirrors = rule.Mirrors ?? [];
        for (var i = 0; i < mirrors.Count; i++)
        {
            if (mirrors[i]?.Destination is not { } m) continue;
            var name = DestinationResolver.Resolve(m, vs, $"{path}.mirrors[{i}].destination", ctx);
            var share = MirrorPolicy.Share(mirrors[i]!.Percentage, null);
            if (!share.IsNone) (targets ??= []).Add(new MirrorTarget(name, share));
        }
        return targets is null ? null : new MirrorPolicy(targets);
    }
}
