using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Loading;
using Switchyard.Proxy.Demo;
using Switchyard.Proxy.Hosting;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Tests.TestSupport;
using Switchyard.Sources;

namespace Switchyard.Proxy.Tests.Tracing;

/// <summary>Istio's tracing contract: W3C and B3 headers reach the upstream unchanged, the access
/// log carries the trace id, and with an OTLP endpoint each request becomes a span of the trace
/// it carries, exported to a real OTLP/HTTP receiver.</summary>
public class TracingTests
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static readonly string Config = MeshYaml.VirtualService("frontend", "- route: [{destination: {host: frontend}}]");

    private static readonly Dictionary<string, string> TraceHeaders = new()
    {
        ["traceparent"] = $"00-{TraceId}-00f067aa0ba902b7-01",
        ["tracestate"] = "congo=t61rcWkgMzE",
        ["x-b3-traceid"] = "80f198ee56343ba864fe8b2a57d3eff7",
        ["x-b3-spanid"] = "e457b5a2e4d86bd1",
        ["x-b3-parentspanid"] = "05e3ac9a4f6e3b90",
        ["x-b3-sampled"] = "1",
        ["b3"] = "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1-05e3ac9a4f6e3b90",
    };

    [Fact]
    public async Task W3C_and_B3_headers_reach_the_upstream_unchanged_and_the_access_log_has_the_trace_id()
    {
        await using var h = await ProxyHarness.StartAsync(Config, "frontend", "v1");
        var (status, body) = await h.GetAsync("frontend", "/", TraceHeaders);
        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var (name, value) in TraceHeaders) Assert.Contains($"\n{name}: {value}\n", body);
        Assert.Equal(TraceId, Assert.Single(h.Outcomes).TraceId);
        Assert.Contains($"\"trace_id\":\"{TraceId}\"", AccessLogJsonFormatter.Format(Assert.Single(h.Outcomes)));
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_each_request_is_a_span_of_the_trace_it_carries()
    {
        var received = new ConcurrentQueue<byte[]>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var collector = builder.Build();
        collector.MapPost("/v1/traces", async (HttpContext c) =>
        {
            using var copy = new MemoryStream();
            await c.Request.Body.CopyToAsync(copy);
            received.Enqueue(copy.ToArray());
            return Results.Ok();
        });
        await collector.StartAsync(TestContext.Current.CancellationToken);

        await using var backend = await EchoBackend.StartAsync("frontend v1");
        var source = new InMemorySource();
        source.Set(ConfigLoader.LoadText(Config + "\n---\n" + ServiceEntryYaml.For("frontend", [(backend.Port, "app: frontend, version: v1")]), "t.yaml").Resources);
        await using var server = await SwitchyardHost.StartAsync(new SwitchyardHostOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            Admin = null,
            Sources = [source],
            LoggerFactory = NullLoggerFactory.Instance,
            OtlpEndpoint = new Uri(collector.Urls.First() + "/v1/traces"),
        }, TestContext.Current.CancellationToken);
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = server.ProxyUri };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/checkout") { Headers = { Host = "frontend" } };
        request.Headers.TryAddWithoutValidation("traceparent", TraceHeaders["traceparent"]);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The span's trace id is in the OTLP protobuf as 16 raw bytes; the exporter batches every few seconds.
        var traceBytes = Convert.FromHexString(TraceId);
        Assert.True(await Eventually.TrueAsync(() => received.Any(b => b.AsSpan().IndexOf(traceBytes) >= 0)), "no span of the request's trace reached the OTLP receiver");
        Assert.Contains(received, b => b.AsSpan().IndexOf("upstream_cluster"u8) >= 0);
    }
}
