using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Switchyard.Translation.Routes;

namespace Switchyard.Proxy.Pipeline;

/// <summary>The live request as the shared route matcher reads it. Values the matcher does not
/// need on every request (the query as a string, the path as sent, the client address) are made
/// on first use and kept.</summary>
public sealed class HttpRequestView(HttpContext context, int listenerPort) : IRequestView
{
    private readonly HttpRequest _request = context.Request;
    private string? _query;
    private string? _pathAndQuery;
    private string? _clientAddress;

    public string Method => _request.Method;

    public string Scheme => _request.Scheme;

    public string Authority => _request.Host.Value ?? "";

    public string Path => _request.Path.Value is { Length: > 0 } p ? p : "/";

    public string Query => _query ??= _request.QueryString.HasValue ? _request.QueryString.Value![1..] : "";

    /// <summary>The query without the <c>?</c>, read in place: what query-parameter matching uses.</summary>
    public ReadOnlySpan<char> RawQuery => _request.QueryString.Value is { Length: > 1 } q ? q.AsSpan(1) : default;

    public int Port => _request.Host.Port ?? listenerPort;

    /// <summary>The request's :path as the client sent it (origin form, query included), else the
    /// decoded path and query (an absolute-form proxy request): Envoy's %REQ(:PATH)%, which the
    /// access log prints and redirects, mirrors and <c>x-envoy-original-path</c> copy.</summary>
    public string PathAndQuery => _pathAndQuery ??=
        context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw && raw[0] == '/'
            ? raw
            : Path + _request.QueryString.Value;

    /// <summary>The downstream peer's address as text, made only when asked (a source-IP hash).</summary>
    public string? ClientAddress => _clientAddress ??= context.Connection.RemoteIpAddress?.ToString();

    public string? GetHeader(string name)
    {
        var values = _request.Headers[name];
        return values.Count == 0 ? null : values.Count == 1 ? values[0] : string.Join(',', values.ToArray());
    }
}
