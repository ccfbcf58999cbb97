using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.Pipeline;
using Switchyard.Proxy.Runtime;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Telemetry.Metrics;
using Switchyard.Translation.Routes;

namespace Switchyard.Proxy.Tests.Metrics;

/// <summary>What recording costs the request path once a request's series exists: no allocation
/// (checked with the runtime's own per-thread allocation counter, not with time).</summary>
public class RecordCostTests
{
    [Fact]
    public void Recording_a_request_whose_series_exists_allocates_nothing_per_request()
    {
        var metrics = new IstioMetrics(TimeProvider.System, SourceIdentity.From("default", new Dictionary<string, string>()));
        var http = new DefaultHttpContext();
        http.Request.Host = new HostString("frontend");
        http.Response.StatusCode = 503;
        var ctx = new ProxyContext(http, ProxyState.Empty, new HttpRequestView(http, 15001), TimeProvider.System.GetTimestamp())
        {
            Destination = new WeightedCluster("outbound|80|v3|frontend.default.svc.cluster.local", 100),
        };
        ctx.AddFlag(ResponseFlags.NoClusterFound);
        metrics.Record(ctx);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++) metrics.Record(ctx);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The smallest object is 24 bytes: fewer bytes than calls means no call allocated (what
        // remains is the runtime's one-off work, e.g. tiered compilation swapping code in).
        Assert.True(allocated < 10_000, $"{allocated} bytes for 10,000 recordings");
        var series = Assert.Single(metrics.Of("outbound|80|v3|frontend.default.svc.cluster.local")!.All);
        Assert.Equal(10_001, series.Cells.Sum(RequestSeries.Count));
        Assert.Contains("response_flags=\"NC\"", series.Labels);
    }
}
