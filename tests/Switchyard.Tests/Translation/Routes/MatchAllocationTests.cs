using Switchyard.Model.Networking;
using Switchyard.Translation.Routes;
using static Switchyard.Tests.Translation.Routes.RouteFixtures;

namespace Switchyard.Tests.Translation.Routes;

public class MatchAllocationTests
{
    [Fact]
    public void Matching_a_compiled_route_allocates_nothing()
    {
        var matcher = RouteMatcher.Compile(
        [
            new HTTPMatchRequest
            {
                Uri = Prefix("/api"),
                Method = Exact("GET"),
                Headers = Map("end-user", Regex("ja[a-z]+")),
                WithoutHeaders = Map("x-debug", new StringMatch()),
                QueryParams = new Dictionary<string, StringMatch?> { ["q"] = Exact("a b"), ["my key"] = Prefix("v") },
            },
        ], NoLabels);
        var request = Get("/api/x?my%20key=v1&q=a%20b", Headers(("end-user", "jason")));
        Assert.True(matcher.Matches(request));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            matcher.Matches(request);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
