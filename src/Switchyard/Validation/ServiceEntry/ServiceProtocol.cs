namespace Switchyard.Validation;

// The files under Validation/ServiceEntry/ stay in namespace Switchyard.Validation: a namespace
// named "ServiceEntry" would hide the ServiceEntry model type from every validator beside it.

/// <summary>
/// A port's <c>protocol</c> string as Istio reads it (<c>protocol.Parse</c> in pkg/config/protocol):
/// case-insensitive, and anything unknown — including the empty string — is "unsupported".
/// The predicates are Istio's <c>IsHTTP</c>, <c>IsTLS</c> and <c>IsTCP</c>, quirks included
/// (HTTPS and TLS count as TCP).
/// </summary>
public enum ServiceProtocol
{
    Unsupported,
    Tcp,
    Udp,
    Grpc,
    GrpcWeb,
    Http,
    HttpProxy,
    Http2,
    Https,
    Tls,
    Mongo,
    Redis,
    MySql,
}
