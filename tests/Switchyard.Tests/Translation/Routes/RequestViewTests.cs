using Switchyard.Translation.Routes;

namespace Switchyard.Tests.Translation.Routes;

public class RequestViewTests
{
    [Fact]
    public void Splits_path_and_query_and_takes_the_port_from_the_authority()
    {
        var view = new RequestView("GET", "/a/b?x=1&y#frag", "reviews:9080", new Dictionary<string, string> { ["End-User"] = "jason" });
        Assert.Equal("/a/b", view.Path);
        Assert.Equal("x=1&y", view.Query);
        Assert.Equal(9080, view.Port);
        Assert.Equal("jason", view.GetHeader("end-user"));
        Assert.Null(view.GetHeader("x-missing"));
    }

    [Theory]
    [InlineData("reviews", "http", 80)]
    [InlineData("reviews", "https", 443)]
    [InlineData("[::1]", "http", 80)]
    [InlineData("[::1]:8443", "https", 8443)]
    public void Default_port_comes_from_the_scheme(string authority, string scheme, int port) =>
        Assert.Equal(port, new RequestView("GET", "/", authority, scheme: scheme).Port);

    [Fact]
    public void FromUrl_keeps_path_and_query_as_written()
    {
        var view = RequestView.FromUrl("GET", "http://reviews:9080/api/%2e%2e/x?q=a%20b");
        Assert.Equal("http", view.Scheme);
        Assert.Equal("reviews:9080", view.Authority);
        Assert.Equal(9080, view.Port);
        Assert.Equal("/api/%2e%2e/x", view.Path);
        Assert.Equal("q=a%20b", view.Query);

        var bare = RequestView.FromUrl("GET", "https://reviews?x=1");
        Assert.Equal("reviews", bare.Authority);
        Assert.Equal(443, bare.Port);
        Assert.Equal("/", bare.Path);
        Assert.Equal("x=1", bare.Query);
    }
}
