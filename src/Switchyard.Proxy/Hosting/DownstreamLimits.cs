namespace Switchyard.Proxy.Hosting;

/// <summary>
/// What one downstream request may cost the outbound listener, answered with Envoy's status codes:
/// headers over <see cref="MaxRequestHeadersSize"/> get 431 (Envoy's <c>max_request_headers_kb</c>,
/// 60 KiB by default), a client that takes longer than <see cref="RequestHeadersTimeout"/> to send
/// its headers (slowloris) gets 408 (Envoy's <c>request_headers_timeout</c>), and a body over
/// <see cref="MaxRequestBodySize"/> gets 413. Kestrel enforces all three.
/// </summary>
public sealed record DownstreamLimits
{
    /// <summary>Envoy's default max_request_headers_kb.</summary>
    public const int DefaultMaxRequestHeadersSize = 60 * 1024;

    /// <summary>Request line and headers together, in bytes.</summary>
    public int MaxRequestHeadersSize { get; init; } = DefaultMaxRequestHeadersSize;

    /// <summary>From the connection's first byte of a request to its last header. Envoy leaves it
    /// off by default; Kestrel's 30 s stands, so a slowloris client cannot hold a connection forever.</summary>
    public TimeSpan RequestHeadersTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest request body, in bytes; null for none (Envoy streams bodies to the
    /// upstream without a limit unless a filter buffers them).</summary>
    public long? MaxRequestBodySize { get; init; }
}
