namespace Switchyard.Validation;

/// <summary>Istio's <c>protocol.Parse</c> and the predicates its ServiceEntry rules ask of a port.</summary>
public static class ServiceProtocols
{
    public static ServiceProtocol Parse(string? s) => s?.ToLowerInvariant() switch
    {
        "tcp" => ServiceProtocol.Tcp,
        "udp" => ServiceProtocol.Udp,
        "grpc" => ServiceProtocol.Grpc,
        "grpc-web" => ServiceProtocol.GrpcWeb,
        "http" => ServiceProtocol.Http,
        "http_proxy" => ServiceProtocol.HttpProxy,
        "http2" => ServiceProtocol.Http2,
        "https" => ServiceProtocol.Https,
        "tls" => ServiceProtocol.Tls,
        "mongo" => ServiceProtocol.Mongo,
        "redis" => ServiceProtocol.Redis,
        "mysql" => ServiceProtocol.MySql,
        _ => ServiceProtocol.Unsupported,
    };

    public static bool IsHttp(this ServiceProtocol p) =>
        p is ServiceProtocol.Http or ServiceProtocol.Http2 or ServiceProtocol.HttpProxy
            or ServiceProtocol.Grpc or ServiceProtocol.GrpcWeb;

    public static bool IsTls(this ServiceProtocol p) => p is ServiceProtocol.Https or ServiceProtocol.Tls;

    public static bool IsTcp(this ServiceProtocol p) =>
        p is ServiceProtocol.Tcp or ServiceProtocol.Https or ServiceProtocol.Tls
            or ServiceProtocol.Mongo or ServiceProtocol.Redis or ServiceProtocol.MySql;

    /// <summary>Istio's <c>ValidateProtocol</c>: empty means sniffing and is fine.</summary>
    public static string? CheckProtocol(string? protocol) =>
        string.IsNullOrEmpty(protocol) || Parse(protocol) != ServiceProtocol.Unsupported
            ? null
            : $"unsupported protocol: {protocol}";

    public const string KnownNames = "HTTP, HTTPS, HTTP2, GRPC, GRPC-Web, HTTP_PROXY, TLS, TCP, UDP, Mongo, Redis, MySQL";
}
