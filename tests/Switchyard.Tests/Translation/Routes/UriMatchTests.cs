using Switchyard.Model.Networking;
using static Switchyard.Tests.Translation.Routes.RouteFixtures;

namespace Switchyard.Tests.Translation.Routes;

public class UriMatchTests
{
    [Fact]
    public void Exact_uri_matches_only_that_path()
    {
        var match = new HTTPMatchRequest { Uri = Exact("/productpage") };
        Assert.True(Holds(match, Get("/productpage")));
        Assert.False(Holds(match, Get("/productpage/")));
        Assert.False(Holds(match, Get("/product")));
    }

    [Fact]
    public void Uri_is_matched_without_the_query_string()
    {
        Assert.True(Holds(new HTTPMatchRequest { Uri = Exact("/login") }, Get("/login?next=/home")));
        Assert.True(Holds(new HTTPMatchRequest { Uri = Regex("/log[a-z]+") }, Get("/login?x=1")));
    }

    [Fact]
    public void Prefix_uri_matches_any_path_starting_with_it()
    {
        var match = new HTTPMatchRequest { Uri = Prefix("/api/v1") };
        Assert.True(Holds(match, Get("/api/v1")));
        Assert.True(Holds(match, Get("/api/v1/users")));
        // Plain string prefix, as Envoy's prefix: not path-segment aware on sidecars.
        Assert.True(Holds(match, Get("/api/v10")));
        Assert.False(Holds(match, Get("/api/v2")));
    }

    [Fact]
    public void Regex_uri_must_match_the_whole_path()
    {
        var match = new HTTPMatchRequest { Uri = Regex("/reviews/[0-9]+") };
        Assert.True(Holds(match, Get("/reviews/42")));
        Assert.False(Holds(match, Get("/reviews/42/ratings")));
        Assert.False(Holds(match, Get("/x/reviews/42")));
    }

    [Fact]
    public void Uri_match_is_case_sensitive_by_default()
    {
        Assert.False(Holds(new HTTPMatchRequest { Uri = Exact("/Login") }, Get("/login")));
        Assert.False(Holds(new HTTPMatchRequest { Uri = Prefix("/API") }, Get("/api/x")));
    }

    [Fact]
    public void IgnoreUriCase_makes_exact_and_prefix_case_insensitive()
    {
        Assert.True(Holds(new HTTPMatchRequest { Uri = Exact("/Login"), IgnoreUriCase = true }, Get("/LOGIN")));
        Assert.True(Holds(new HTTPMatchRequest { Uri = Prefix("/API"), IgnoreUriCase = true }, Get("/api/x")));
    }

    [Fact]
    public void IgnoreUriCase_does_not_apply_to_regex()
    {
        // Envoy's RouteMatch case_sensitive does not affect safe_regex.
        Assert.False(Holds(new HTTPMatchRequest { Uri = Regex("/login"), IgnoreUriCase = true }, Get("/LOGIN")));
    }

    [Fact]
    public void Invalid_regex_never_matches()
    {
        Assert.False(Holds(new HTTPMatchRequest { Uri = Regex("/(unclosed") }, Get("/(unclosed")));
        // For the uri, "*" is just an invalid regex (only headers and query params read it as presence).
        Assert.False(Holds(new HTTPMatchRequest { Uri = Regex("*") }, Get("/anything")));
    }

    [Fact]
    public void Uri_with_no_match_type_matches_every_path()
    {
        Assert.True(Holds(new HTTPMatchRequest { Uri = new StringMatch() }, Get("/anything")));
    }
}
