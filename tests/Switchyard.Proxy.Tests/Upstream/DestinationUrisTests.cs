using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.Upstream;
using Yarp.ReverseProxy.Forwarder;

namespace Switchyard.Proxy.Tests.Upstream;

public class DestinationUrisTests
{
    private const string Prefix = "http://10.0.0.1:8080";

    [Theory]
    [InlineData("/", "")]
    [InlineData("/a b/ü", "?q=1&r=%20")]
    [InlineData("/api/v1/items", "?x")]
    public void Builds_the_uri_yarp_would_build(string path, string query)
    {
        var uris = new DestinationUris(Prefix);
        var expected = RequestUtilities.MakeDestinationAddress(Prefix, new PathString(path), new QueryString(query));

        var first = uris.For(new PathString(path), new QueryString(query));
        var again = uris.For(new PathString(path), new QueryString(query));

        Assert.Equal(expected.AbsoluteUri, first.AbsoluteUri);
        Assert.Same(first, again);
    }

    [Fact]
    public void A_different_query_or_path_gets_its_own_uri()
    {
        var uris = new DestinationUris(Prefix);

        var plain = uris.For(new PathString("/items"), QueryString.Empty);
        var queried = uris.For(new PathString("/items"), new QueryString("?page=2"));
        var other = uris.For(new PathString("/other"), QueryString.Empty);

        Assert.Equal("http://10.0.0.1:8080/items", plain.AbsoluteUri);
        Assert.Equal("http://10.0.0.1:8080/items?page=2", queried.AbsoluteUri);
        Assert.Equal("http://10.0.0.1:8080/other", other.AbsoluteUri);
    }

    [Fact]
    public void Many_distinct_paths_are_each_answered_correctly()
    {
        // More paths than slots: evicted entries are rebuilt, never confused with another path.
        var uris = new DestinationUris(Prefix);
        for (var round = 0; round < 2; round++)
            for (var i = 0; i < 100; i++)
                Assert.Equal($"http://10.0.0.1:8080/p{i}?i={i}", uris.For(new PathString($"/p{i}"), new QueryString($"?i={i}")).AbsoluteUri);
    }
}
