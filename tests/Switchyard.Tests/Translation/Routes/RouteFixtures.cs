using Switchyard.Loading;
using Switchyard.Model.Networking;
using Switchyard.Randomness;
using Switchyard.Translation;
using Switchyard.Translation.Routes;
using VirtualServiceResource = Switchyard.Model.Networking.VirtualService;

namespace Switchyard.Tests.Translation.Routes;

/// <summary>Builds virtual hosts from VirtualService YAML, and requests, for the route tests.</summary>
internal static class RouteFixtures
{
    public static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    /// <summary>Loads one VirtualService and compiles each http rule into a route, in order.</summary>
    public static VirtualHost Host(string yaml, IReadOnlyDictionary<string, string>? workloadLabels = null)
    {
        var result = ConfigLoader.LoadText(yaml, "vs.yaml");
        Assert.Empty(result.AllDiagnostics);
        var vs = Assert.IsType<VirtualServiceResource>(Assert.Single(result.Resources));
        var routes = new List<RouteEntry>();
        var rules = vs.Spec.Http ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i]!;
            var destinations = new List<WeightedCluster>();
            foreach (var d in rule.Route ?? [])
            {
                var cluster = $"outbound|80|{d!.Destination?.Subset}|{d.Destination?.Host}";
                destinations.Add(new WeightedCluster(cluster, d.Weight ?? 0));
            }
            var matcher = RouteMatcher.Compile(rule.Match, workloadLabels ?? NoLabels);
            routes.Add(new RouteEntry(rule.Name ?? $"http[{i}]", matcher, destinations,
                new Provenance(vs.Ref, i, vs.SpanOf($"spec.http[{i}]"))));
        }
        return new VirtualHost(vs.Spec.Hosts?[0] ?? "", routes);
    }

    /// <summary>Whether one match entry holds for the request.</summary>
    public static bool Holds(HTTPMatchRequest match, IRequestView request) =>
        RouteMatcher.Compile([match], NoLabels).Matches(request);

    public static StringMatch Exact(string value) => new() { Exact = value };

    public static StringMatch Prefix(string value) => new() { Prefix = value };

    public static StringMatch Regex(string value) => new() { Regex = value };

    public static Dictionary<string, StringMatch?> Map(string name, StringMatch? match) => new() { [name] = match };

    /// <summary>The name of the route a request takes through the host ("none" when no rule matches).</summary>
    public static string RouteFor(VirtualHost host, RequestView request) => RouteTable.Match(host, request)?.Name ?? "none";

    public static RequestView Get(string pathAndQuery, IReadOnlyDictionary<string, string>? headers = null, string authority = "reviews:9080") =>
        new("GET", pathAndQuery, authority, headers);

    public static Dictionary<string, string> Headers(params (string Name, string Value)[] pairs)
    {
        var headers = new Dictionary<string, string>();
        foreach (var (name, value) in pairs)
        {
            headers[name] = value;
        }
        return headers;
    }
}
