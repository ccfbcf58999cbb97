using Switchyard.Translation.Routes;

namespace Switchyard.Tests.Translation.Routes;

public class QueryStringTests
{
    [Theory]
    [InlineData("a=1&b=2", "b", "2")]
    [InlineData("a=1&&b=2&", "b", "2")]
    [InlineData("flag", "flag", "")]
    [InlineData("x=1=2", "x", "1=2")]
    [InlineData("x=a+b", "x", "a+b")]
    [InlineData("x=%41%zz%4", "x", "A%zz%4")]
    [InlineData("x=1&x=2", "x", "1")]
    public void GetFirst_reads_like_envoy(string query, string name, string expected) =>
        Assert.Equal(expected, QueryString.GetFirst(query, name));

    [Fact]
    public void GetFirst_is_null_for_a_missing_key() => Assert.Null(QueryString.GetFirst("a=1", "b"));

    [Fact]
    public void Long_encoded_values_decode_past_the_stack_buffer()
    {
        var value = string.Concat(Enumerable.Repeat("%C3%A9", 200));
        Assert.Equal(new string('é', 200), QueryString.GetFirst("v=" + value, "v"));
        var match = new Switchyard.Model.Networking.HTTPMatchRequest
        {
            QueryParams = RouteFixtures.Map("v", RouteFixtures.Exact(new string('é', 200))),
        };
        Assert.True(RouteFixtures.Holds(match, RouteFixtures.Get("/?v=" + value)));
    }

    [Fact]
    public void Parse_lists_every_pair_in_order()
    {
        var pairs = QueryString.Parse("a=1&b&a=%32");
        Assert.Equal(["a=1", "b=", "a=2"], pairs.Select(p => $"{p.Key}={p.Value}"));
    }
}
