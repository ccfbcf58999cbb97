using Switchyard.Model.Networking;
using static Switchyard.Tests.Translation.Routes.RouteFixtures;

namespace Switchyard.Tests.Translation.Routes;

public class QueryParamMatchTests
{
    [Fact]
    public void Exact_query_param_matches_its_value()
    {
        var match = new HTTPMatchRequest { QueryParams = Map("version", Exact("v2")) };
        Assert.True(Holds(match, Get("/?version=v2")));
        Assert.True(Holds(match, Get("/?a=1&version=v2&b=2")));
        Assert.False(Holds(match, Get("/?version=v22")));
        Assert.False(Holds(match, Get("/")));
    }

    [Fact]
    public void Exact_empty_matches_a_key_with_no_value()
    {
        var match = new HTTPMatchRequest { QueryParams = Map("debug", Exact("")) };
        Assert.True(Holds(match, Get("/?debug")));
        Assert.True(Holds(match, Get("/?debug=")));
        Assert.False(Holds(match, Get("/?debug=1")));
        Assert.False(Holds(match, Get("/?nodebug")));
    }

    [Fact]
    public void Prefix_and_regex_query_params()
    {
        Assert.True(Holds(new HTTPMatchRequest { QueryParams = Map("id", Prefix("usr-")) }, Get("/?id=usr-7")));
        Assert.False(Holds(new HTTPMatchRequest { QueryParams = Map("id", Prefix("usr-")) }, Get("/?id=grp-7")));
        Assert.True(Holds(new HTTPMatchRequest { QueryParams = Map("id", Regex("[0-9]{3}")) }, Get("/?id=123")));
        Assert.False(Holds(new HTTPMatchRequest { QueryParams = Map("id", Regex("[0-9]{3}")) }, Get("/?id=1234")));
    }

    [Fact]
    public void Empty_query_match_needs_the_key_present()
    {
        var match = new HTTPMatchRequest { QueryParams = Map("trace", new StringMatch()) };
        Assert.True(Holds(match, Get("/?trace")));
        Assert.True(Holds(match, Get("/?trace=yes")));
        Assert.False(Holds(match, Get("/?tracer=yes")));
    }

    [Fact]
    public void Query_values_and_keys_are_percent_decoded()
    {
        Assert.True(Holds(new HTTPMatchRequest { QueryParams = Map("name", Exact("a b/é")) }, Get("/?name=a%20b%2F%C3%A9")));
        Assert.True(Holds(new HTTPMatchRequest { QueryParams = Map("my key", Exact("1")) }, Get("/?my%20key=1")));
        Assert.True(Holds(new HTTPMatchRequest { QueryParams = Map("q", Regex("x&y")) }, Get("/?q=x%26y")));
    }

    [Fact]
    public void First_value_of_a_repeated_key_is_matched()
    {
        var match = new HTTPMatchRequest { QueryParams = Map("v", Exact("1")) };
        Assert.True(Holds(match, Get("/?v=1&v=2")));
        Assert.False(Holds(match, Get("/?v=2&v=1")));
    }

    [Fact]
    public void Query_keys_are_case_sensitive()
    {
        Assert.False(Holds(new HTTPMatchRequest { QueryParams = Map("Debug", Exact("")) }, Get("/?debug")));
    }
}
