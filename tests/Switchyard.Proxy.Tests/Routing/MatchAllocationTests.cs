using Microsoft.AspNetCore.Http;
using Switchyard.Model.Networking;
using Switchyard.Proxy.Pipeline;
using Switchyard.Translation.Routes;

namespace Switchyard.Proxy.Tests.Routing;

/// <summary>
/// Route matching on the request path allocates nothing: the compiled matcher over the live
/// <see cref="HttpRequestView"/> the proxy builds for every request (not a test stand-in), with
/// a uri prefix, method, header regex, withoutHeaders and percent-encoded query parameters.
/// </summary>
public class MatchAllocationTests
{
    [Fact]
    public void Matching_a_compiled_route_over_the_live_request_allocates_nothing()
    {
        var matcher = RouteMatcher.Compile(
        [
            new HTTPMatchRequest
            {
                Uri = new StringMatch { Prefix = "/api" },
                Method = new StringMatch { Exact = "GET" },
                Headers = new Dictionary<string, StringMatch?> { ["end-user"] = new StringMatch { Regex = "ja[a-z]+" } },
                WithoutHeaders = new Dictionary<string, StringMatch?> { ["x-debug"] = new StringMatch() },
                QueryParams = new Dictionary<string, StringMatch?> { ["q"] = new StringMatch { Exact = "a b" }, ["my key"] = new StringMatch { Prefix = "v" } },
            },
        ], new Dictionary<string, string>());
        var http = new DefaultHttpContext();
        http.Request.Method = "GET";
        http.Request.Host = new HostString("reviews:9080");
        http.Request.Path = "/api/x";
        http.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?my%20key=v1&q=a%20b");
        http.Request.Headers["end-user"] = "jason";
        var request = new HttpRequestView(http, 9080);
        Assert.True(matcher.Matches(request));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            matcher.Matches(request);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
