using Microsoft.AspNetCore.Http;

namespace Switchyard.Proxy.Mirror;

/// <summary>
/// What a shadow request carries, taken from the live request before it is forwarded: method,
/// path and query as the client sent them, the end-to-end headers, the shadow Host, and the
/// buffered body. Only requests that are mirrored pay for it.
/// </summary>
public sealed class MirrorCopy
{
    private readonly string _method;
    private readonly string _pathAndQuery;
    private readonly string _host;
    private readonly KeyValuePair<string, string?[]>[] _headers;
    private readonly ReadOnlyMemory<byte> _body;

    public MirrorCopy(HttpRequest request, string pathAndQuery, ReadOnlyMemory<byte> body)
    {
        _method = request.Method;
        _pathAndQuery = pathAndQuery;
        _host = ShadowHost.Of(request.Host.Value ?? "");
        _body = body;
        var headers = new List<KeyValuePair<string, string?[]>>(request.Headers.Count);
        foreach (var (name, values) in request.Headers)
            if (!IsHopOrFraming(name)) headers.Add(new(name, values.ToArray()));
        _headers = headers.ToArray();
    }

    /// <summary>The shadow Host the mirror sees.</summary>
    public string Host => _host;

    /// <summary>A fresh message for one mirror endpoint (each mirror target gets its own).</summary>
    public HttpRequestMessage ToMessage(string destinationPrefix)
    {
        var message = new HttpRequestMessage(new HttpMethod(_method), destinationPrefix.TrimEnd('/') + _pathAndQuery);
        if (!_body.IsEmpty) message.Content = new ReadOnlyMemoryContent(_body);
        foreach (var (name, values) in _headers)
            if (!message.Headers.TryAddWithoutValidation(name, values)) message.Content?.Headers.TryAddWithoutValidation(name, values);
        message.Headers.Host = _host;
        return message;
    }

    /// <summary>Hop-by-hop headers (RFC 9110 7.6.1) and framing the client computes again.</summary>
    private static bool IsHopOrFraming(string name) =>
        name.StartsWith(':')
        || name.Equals("host", StringComparison.OrdinalIgnoreCase)
        || name.Equals("connection", StringComparison.OrdinalIgnoreCase)
        || name.Equals("keep-alive", StringComparison.OrdinalIgnoreCase)
        || name.Equals("proxy-connection", StringComparison.OrdinalIgnoreCase)
        || name.Equals("transfer-encoding", StringComparison.OrdinalIgnoreCase)
        || name.Equals("te", StringComparison.OrdinalIgnoreCase)
        || name.Equals("upgrade", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-length", StringComparison.OrdinalIgnoreCase);
}
