using System.Net;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Retries;

/// <summary>
/// The endpoint's active-request count (what least-request balancing reads) belongs to one lease
/// per request: taken at the pick, moved to the retry's endpoint when an attempt fails, and given
/// back once when the request ends.
/// </summary>
public sealed class EndpointLeaseTests
{
    [Fact]
    public async Task A_retry_moves_the_active_request_to_the_next_endpoint_and_the_end_gives_it_back()
    {
        var seen = 0;
        // The first request anywhere is reset; every later one waits for the test's release.
        Func<Microsoft.AspNetCore.Http.HttpContext, int, ScriptedBackend, Task> script = async (c, _, b) =>
        {
            if (Interlocked.Increment(ref seen) == 1)
            {
                c.Abort();
                return;
            }
            await b.Released;
            await ScriptedBackend.AnswerAsync(c, b);
        };
        var a = await ScriptedBackend.StartAsync("a", script);
        var b = await ScriptedBackend.StartAsync("b", script);
        await using var _ = a;
        await using var __ = b;
        var config = MeshYaml.Join(
            MeshYaml.VirtualService("pair", """
                - route: [{destination: {host: pair}}]
                  retries: {attempts: 2, retryOn: reset}
                """),
            ServiceEntryYaml.For("pair", [(a.Port, "app: pair"), (b.Port, "app: pair")]));
        await using var h = await ProxyHarness.StartAsync(config, "frontend", "v1");
        var endpoints = h.State.Current.Clusters["outbound|80||pair.default.svc.cluster.local"].Endpoints;

        var pending = h.GetAsync("pair");
        Assert.True(await Eventually.TrueAsync(() => a.Requests + b.Requests == 2), "the retry never arrived");
        // The retry avoids the endpoint that failed, and the count moved with it before it was sent.
        Assert.Equal((1, 1), (a.Requests, b.Requests));
        var held = Assert.Single(endpoints, e => e.ActiveRequests == 1);
        Assert.Equal(1, endpoints.Sum(e => e.ActiveRequests));

        a.Release();
        b.Release();
        var (status, _) = await pending;
        Assert.Equal(HttpStatusCode.OK, status);
        var outcome = (await h.Outcomes.WaitForAsync(1)).Single(o => o.Authority == "pair");
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal(held.Endpoint.ToString(), outcome.UpstreamHost);
        Assert.All(endpoints, e => Assert.Equal(0, e.ActiveRequests));
    }
}
