using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;

namespace Switchyard.Proxy.Telemetry.Tracing;

/// <summary>The OpenTelemetry tracer provider that exports the proxy's spans over OTLP
/// (<c>--otlp-endpoint</c>); none by default, and then no span is made at all.</summary>
public static class OtlpTracing
{
    /// <param name="endpoint">An OTLP/HTTP traces URL (<c>http://collector:4318/v1/traces</c>), or
    /// an OTLP/gRPC address (<c>http://collector:4317</c>) when it has no path.</param>
    public static TracerProvider Start(Uri endpoint) => Sdk.CreateTracerProviderBuilder()
        .AddSource(RequestSpans.SourceName)
        .AddOtlpExporter(o =>
        {
            o.Endpoint = endpoint;
            o.Protocol = endpoint.AbsolutePath.Length > 1 ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        })
        .Build();
}
