using Switchyard.Model.Networking;
using Switchyard.Translation.Routes;
using static Switchyard.Tests.Translation.Routes.RouteFixtures;

namespace Switchyard.Tests.Translation.Routes;

public class MatchCombinationTests
{
    private static readonly HTTPMatchRequest JasonOnApi = new()
    {
        Uri = Prefix("/api"),
        Method = Exact("GET"),
        Headers = Map("end-user", Exact("jason")),
        QueryParams = Map("beta", new StringMatch()),
    };

    [Fact]
    public void All_conditions_of_one_entry_must_hold()
    {
        var jason = Headers(("end-user", "jason"));
        Assert.True(Holds(JasonOnApi, Get("/api/x?beta", jason)));
        Assert.False(Holds(JasonOnApi, Get("/web?beta", jason)));
        Assert.False(Holds(JasonOnApi, Get("/api/x", jason)));
        Assert.False(Holds(JasonOnApi, Get("/api/x?beta")));
        Assert.False(Holds(JasonOnApi, new RequestView("POST", "/api/x?beta", "reviews", jason)));
    }

    [Fact]
    public void Any_entry_of_the_list_may_hold()
    {
        var matcher = RouteMatcher.Compile([new HTTPMatchRequest { Uri = Prefix("/a") }, new HTTPMatchRequest { Uri = Prefix("/b") }], NoLabels);
        Assert.True(matcher.Matches(Get("/a1")));
        Assert.True(matcher.Matches(Get("/b1")));
        Assert.False(matcher.Matches(Get("/c1")));
        Assert.Equal(1, matcher.MatchingIndex(Get("/b1")));
        Assert.Equal(RouteMatcher.NoMatch, matcher.MatchingIndex(Get("/c1")));
    }

    [Fact]
    public void No_match_list_matches_everything()
    {
        Assert.True(RouteMatcher.Compile(null, NoLabels).Matches(Get("/anything")));
        Assert.True(RouteMatcher.Compile([], NoLabels).MatchesEverything);
        Assert.Equal(RouteMatcher.MatchedByDefault, RouteMatcher.Compile([], NoLabels).MatchingIndex(Get("/")));
    }

    [Fact]
    public void Null_entries_are_skipped()
    {
        var matcher = RouteMatcher.Compile([null, new HTTPMatchRequest { Uri = Exact("/only") }], NoLabels);
        Assert.True(matcher.Matches(Get("/only")));
        Assert.False(matcher.Matches(Get("/other")));
        Assert.Equal(1, matcher.MatchingIndex(Get("/only")));
        Assert.True(RouteMatcher.Compile([null], NoLabels).MatchesEverything);
    }

    [Fact]
    public void Entries_whose_source_labels_fail_are_dropped_the_others_still_match()
    {
        var labels = new Dictionary<string, string> { ["app"] = "ratings" };
        var matcher = RouteMatcher.Compile(
        [
            new HTTPMatchRequest { SourceLabels = new Dictionary<string, string> { ["app"] = "productpage" } },
            new HTTPMatchRequest { Uri = Prefix("/v2") },
        ], labels);
        Assert.False(matcher.Matches(Get("/v1")));
        Assert.True(matcher.Matches(Get("/v2/x")));
    }

    [Fact]
    public void Describe_lists_each_condition()
    {
        var described = Assert.Single(RouteMatcher.Compile([JasonOnApi], NoLabels).Describe());
        Assert.Equal(0, described.Key);
        Assert.Equal(
            ["uri prefix \"/api\"", "header :method exact \"GET\"", "header end-user exact \"jason\"", "query beta any"],
            described.Value);
    }
}
