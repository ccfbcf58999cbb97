namespace Switchyard.Registry;

/// <summary>A port of a mesh service: the number clients address, its name and protocol, and the
/// port endpoints listen on when the endpoint does not say (Service targetPort).</summary>
public sealed record ServicePortInfo(uint Number, string? Name, string? Protocol, string? TargetPort)
{
    /// <summary>The protocol Istio gives the port (lower case: http, http2, grpc, tcp...), or null
    /// when it would sniff: a Service port's appProtocol or name prefix, a ServiceEntry port's protocol.</summary>
    public string? Inferred { get; init; }

    /// <summary>Istio speaks HTTP/2 to endpoints of HTTP2 and gRPC ports whatever the client spoke.</summary>
    public static bool IsHttp2Protocol(string? inferred) => inferred is "http2" or "grpc" or "grpc-web";
}
