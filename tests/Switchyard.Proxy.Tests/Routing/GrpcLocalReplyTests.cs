using System.Net;
using System.Net.Http.Headers;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Routing;

/// <summary>Every local reply to a gRPC request is a trailers-only gRPC answer, as Envoy's
/// sendLocalReply makes it: HTTP 200, application/grpc, grpc-status mapped from the HTTP status.</summary>
public class GrpcLocalReplyTests
{
    private static readonly string Config = MeshYaml.VirtualService("frontend", """
        - match: [{uri: {prefix: /missing-subset}}]
          route: [{destination: {host: frontend, subset: v9}}]
        - route: [{destination: {host: frontend}}]
        """);

    private static async Task<(HttpResponseMessage Response, string Flags)> GrpcCallAsync(ProxyHarness h, string host, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent([0, 0, 0, 0, 0]) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.Host = host;
        var response = await h.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(await Eventually.TrueAsync(() => !h.Outcomes.IsEmpty));
        h.Outcomes.TryDequeue(out var outcome);
        return (response, outcome!.Flags.ToEnvoyString());
    }

    [Theory]
    [InlineData("nowhere", "/svc.Echo/Call", "NR", "12")]
    [InlineData("frontend", "/missing-subset/svc.Echo/Call", "NC", "14")]
    public async Task A_grpc_request_gets_a_grpc_status_for_a_local_reply(string host, string path, string flag, string grpcStatus)
    {
        await using var h = await ProxyHarness.StartAsync(Config, "frontend", "v1");
        var (response, flags) = await GrpcCallAsync(h, host, path);
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/grpc", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(grpcStatus, Assert.Single(response.Headers.GetValues("grpc-status")));
            Assert.Equal(flag, flags);
        }
    }
}
