using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.Pipeline;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Tests.TestSupport;
using Yarp.ReverseProxy.Forwarder;

namespace Switchyard.Proxy.Tests.Routing;

/// <summary>
/// A failure in the proxy's own handling (here: the forwarder throwing, standing in for any bug
/// on the path) still ends the request properly: the client gets a 500, the access log gets its
/// line saying so, and the endpoint picked for the request gets its place back.
/// </summary>
public sealed class HandlerFailureTests
{
    private sealed class BrokenForwarder : IHttpForwarder
    {
        public ValueTask<ForwarderError> SendAsync(HttpContext context, string destinationPrefix, HttpMessageInvoker httpClient,
            ForwarderRequestConfig requestConfig, HttpTransformer transformer) =>
            throw new InvalidOperationException("a bug in the proxy");

        public ValueTask<ForwarderError> SendAsync(HttpContext context, string destinationPrefix, HttpMessageInvoker httpClient,
            ForwarderRequestConfig requestConfig, HttpTransformer transformer, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("a bug in the proxy");
    }

    [Fact]
    public async Task A_request_whose_handling_throws_is_logged_as_500_and_releases_its_endpoint()
    {
        await using var h = await ProxyHarness.StartAsync(MeshYaml.VirtualService("frontend", "- route: [{destination: {host: frontend}}]"), "frontend", "v1");
        var outcomes = new List<RequestOutcome>();
        var handler = new ProxyHandler(h.State, new BrokenForwarder(), new SeededRandom(1), TimeProvider.System, 80, outcomes.Add);
        var http = new DefaultHttpContext();
        http.Request.Method = "GET";
        http.Request.Host = new HostString("frontend");
        http.Request.Path = "/orders";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => handler.HandleAsync(http));
        Assert.Equal("a bug in the proxy", error.Message);

        Assert.Equal(500, http.Response.StatusCode);
        var outcome = Assert.Single(outcomes);
        Assert.Equal((500, "internal_error", "-"), (outcome.Status, outcome.ResponseCodeDetails, outcome.Flags.ToEnvoyString()));
        var endpoint = Assert.Single(h.State.Current.Clusters["outbound|80||frontend.default.svc.cluster.local"].Endpoints);
        Assert.Equal(0, endpoint.ActiveRequests);
        Assert.Equal(endpoint.Endpoint.ToString(), outcome.UpstreamHost);
    }
}
