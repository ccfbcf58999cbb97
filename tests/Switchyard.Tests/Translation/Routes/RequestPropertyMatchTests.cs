using Switchyard.Model.Networking;
using Switchyard.Translation.Routes;
using static Switchyard.Tests.Translation.Routes.RouteFixtures;

namespace Switchyard.Tests.Translation.Routes;

public class RequestPropertyMatchTests
{
    [Fact]
    public void Method_match()
    {
        var match = new HTTPMatchRequest { Method = Exact("POST") };
        Assert.True(Holds(match, new RequestView("POST", "/", "reviews")));
        Assert.False(Holds(match, new RequestView("GET", "/", "reviews")));
        Assert.True(Holds(new HTTPMatchRequest { Method = Regex("GET|HEAD") }, new RequestView("HEAD", "/", "reviews")));
    }

    [Fact]
    public void Authority_matches_the_authority_as_sent_including_port()
    {
        // Envoy matches the :authority header, which keeps the port the client wrote.
        var exact = new HTTPMatchRequest { Authority = Exact("reviews") };
        Assert.True(Holds(exact, Get("/", authority: "reviews")));
        Assert.False(Holds(exact, Get("/", authority: "reviews:9080")));
        Assert.True(Holds(new HTTPMatchRequest { Authority = Prefix("reviews") }, Get("/", authority: "reviews:9080")));
        Assert.True(Holds(new HTTPMatchRequest { Authority = Regex(@"reviews(:\d+)?") }, Get("/", authority: "reviews:9080")));
    }

    [Fact]
    public void Scheme_match()
    {
        var match = new HTTPMatchRequest { Scheme = Exact("https") };
        Assert.True(Holds(match, new RequestView("GET", "/", "reviews", scheme: "https")));
        Assert.False(Holds(match, new RequestView("GET", "/", "reviews")));
    }

    [Fact]
    public void Port_match_compares_the_service_port()
    {
        var match = new HTTPMatchRequest { Port = 9080 };
        Assert.True(Holds(match, Get("/", authority: "reviews:9080")));
        Assert.False(Holds(match, Get("/", authority: "reviews:8080")));
        Assert.False(Holds(match, Get("/", authority: "reviews")));
        Assert.True(Holds(match, new RequestView("GET", "/", "reviews", port: 9080)));
    }

    [Fact]
    public void Source_labels_hold_only_when_the_workload_carries_them()
    {
        var match = new HTTPMatchRequest
        {
            SourceLabels = new Dictionary<string, string> { ["app"] = "productpage", ["version"] = "v1" },
        };
        var mine = new Dictionary<string, string> { ["app"] = "productpage", ["version"] = "v1", ["team"] = "x" };
        var other = new Dictionary<string, string> { ["app"] = "productpage", ["version"] = "v2" };
        Assert.True(RouteMatcher.Compile([match], mine).Matches(Get("/")));
        Assert.False(RouteMatcher.Compile([match], other).Matches(Get("/")));
        Assert.False(RouteMatcher.Compile([match], NoLabels).Matches(Get("/")));
        Assert.True(RouteMatcher.Compile([match], other).NeverMatches);
    }

    [Fact]
    public void Source_namespace_and_gateways_are_not_checked()
    {
        var match = new HTTPMatchRequest { SourceNamespace = "elsewhere", Gateways = ["mesh"], Uri = Prefix("/") };
        Assert.True(Holds(match, Get("/x")));
    }
}
