using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Switchyard.Translation.Routes;

namespace Switchyard.Proxy.Pipeline;

/// <summary>The live request as the shared route matcher reads it.</summary>
public sealed class HttpRequestView(HttpContext context, int listenerPort) : IRequestView
{
    private readonly HttpRequest _request = context.Request;

    public string Method => _request.Method;

    public string Scheme => _request.Scheme;

    public string Authority => _request.Host.Value ?? "";

    public string Path => _request.Path.Value is { Length: > 0 } p ? p : "/";

    public string Query => _request.QueryString.HasValue ? _request.QueryString.Value![1..] : "";

    public int Port => _request.Host.Port ?? listenerPort;

    /// <summary>The request's :path as the client sent it (origin form), else the decoded path and
    /// query (an absolute-form proxy request): what Envoy copies into redirects and mirrors.</summary>
    public string PathAndQuery =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw && raw[0] == '/'
            ? raw
            : Path + _request.QueryString.Value;

    public string? GetHeader(string name)
    {
        var values = _request.Headers[name];
        return values.Count == 0 ? null : values.Count == 1 ? values[0] : string.Join(',', values.ToArray());
    }
}
