using Switchyard.Model.Networking;
using static Switchyard.Tests.Translation.Routes.RouteFixtures;

namespace Switchyard.Tests.Translation.Routes;

public class WithoutHeadersTests
{
    [Fact]
    public void WithoutHeaders_value_match_fails_the_entry_when_the_header_matches()
    {
        var match = new HTTPMatchRequest { WithoutHeaders = Map("end-user", Exact("jason")) };
        Assert.False(Holds(match, Get("/", Headers(("end-user", "jason")))));
        Assert.True(Holds(match, Get("/", Headers(("end-user", "alice")))));
    }

    [Fact]
    public void WithoutHeaders_value_match_holds_when_the_header_is_absent()
    {
        // Istio sets treat_missing_header_as_empty on inverted value matches.
        Assert.True(Holds(new HTTPMatchRequest { WithoutHeaders = Map("end-user", Exact("jason")) }, Get("/")));
    }

    [Fact]
    public void WithoutHeaders_presence_holds_only_when_the_header_is_absent()
    {
        var match = new HTTPMatchRequest { WithoutHeaders = Map("x-debug", new StringMatch()) };
        Assert.True(Holds(match, Get("/")));
        Assert.False(Holds(match, Get("/", Headers(("x-debug", "")))));
        Assert.False(Holds(match, Get("/", Headers(("x-debug", "1")))));
    }

    [Fact]
    public void Any_listed_header_that_matches_fails_the_entry()
    {
        var match = new HTTPMatchRequest
        {
            WithoutHeaders = new Dictionary<string, StringMatch?> { ["x-a"] = Prefix("bad"), ["x-b"] = Regex("[0-9]+") },
        };
        Assert.True(Holds(match, Get("/", Headers(("x-a", "good"), ("x-b", "abc")))));
        Assert.False(Holds(match, Get("/", Headers(("x-a", "badly"), ("x-b", "abc")))));
        Assert.False(Holds(match, Get("/", Headers(("x-a", "good"), ("x-b", "123")))));
    }

    [Fact]
    public void Headers_and_withoutHeaders_combine()
    {
        var match = new HTTPMatchRequest
        {
            Headers = Map("end-user", Prefix("j")),
            WithoutHeaders = Map("end-user", Exact("jason")),
        };
        Assert.True(Holds(match, Get("/", Headers(("end-user", "jane")))));
        Assert.False(Holds(match, Get("/", Headers(("end-user", "jason")))));
    }
}
