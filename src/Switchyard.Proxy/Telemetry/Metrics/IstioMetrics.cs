using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Switchyard.Proxy.Pipeline;

namespace Switchyard.Proxy.Telemetry.Metrics;

/// <summary>
/// Istio's standard request metrics (<c>istio_requests_total</c>,
/// <c>istio_request_duration_milliseconds</c>, <c>istio_request_bytes</c>,
/// <c>istio_response_bytes</c>), recorded by one call when a request ends and rendered in the
/// Prometheus text format only when scraped (<see cref="PrometheusText"/>).
/// <para>
/// Hand-rolled rather than prometheus-net or OpenTelemetry's meter: both find a request's series
/// by hashing its label values on every observation (13+ strings here, with response_code and
/// response_flags known only at the end), and both add to one shared counter per series (a CAS
/// loop on a double in prometheus-net), so two cores recording the same route contend on one
/// cache line. Here a series is found by the cluster name and a struct of references and ints,
/// its label text is built once, and its counters are striped per core. OpenTelemetry's
/// Prometheus exporter is also still a beta package.
/// </para>
/// </summary>
public sealed class IstioMetrics(TimeProvider time, SourceIdentity source)
{
    private readonly ConcurrentDictionary<string, DestinationSeries> _destinations = new();
    private readonly DestinationSeries _unknown = new(DestinationService.Unknown, source);

    /// <summary>Every destination cluster a request went to (or tried to: 503 NC), and the series
    /// of requests that reached none.</summary>
    public IEnumerable<DestinationSeries> Destinations => _destinations.Values.Prepend(_unknown);

    /// <summary>The series of one cluster, if a request has gone to it.</summary>
    public DestinationSeries? Of(string clusterName) => _destinations.TryGetValue(clusterName, out var d) ? d : null;

    /// <summary>Called once per request, when it has ended (the handler's <c>finally</c>).</summary>
    public void Record(ProxyContext ctx)
    {
        var http = ctx.Http;
        var micros = (long)time.GetElapsedTime(ctx.StartTimestamp).TotalMicroseconds;
        var grpc = http.Request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);
        var key = new SeriesKey(ctx.Upstream?.Endpoint, http.Response.StatusCode, ctx.Flags, grpc ? GrpcStatus(http) : -1);
        var destination = ctx.Destination is { } d ? DestinationOf(d.ClusterName, ctx) : _unknown;
        destination.For(key, grpc ? "grpc" : "http").Observe(micros, BodyBytes(http.Request.Body, http.Request.ContentLength),
            BodyBytes(http.Response.Body, http.Response.ContentLength), ctx.Attempts);
    }

    private DestinationSeries DestinationOf(string clusterName, ProxyContext ctx) =>
        _destinations.TryGetValue(clusterName, out var series)
            ? series
            : _destinations.GetOrAdd(clusterName, new DestinationSeries(DestinationService.Of(clusterName, ctx.Cluster?.Spec), source));

    /// <summary>Body bytes: counted when the access log wraps the body, else the declared length.</summary>
    private static long BodyBytes(Stream body, long? declared) => body is ByteCountingStream counted ? counted.Count : declared ?? 0;

    /// <summary>grpc-status from the trailers, or from the headers of a trailers-only answer; 2 (UNKNOWN) when absent.</summary>
    private static int GrpcStatus(HttpContext http)
    {
        var value = http.Features.Get<IHttpResponseTrailersFeature>()?.Trailers["grpc-status"] ?? default;
        if (value.Count == 0) value = http.Response.Headers["grpc-status"];
        return int.TryParse(value.ToString(), out var status) ? status : 2;
    }
}
