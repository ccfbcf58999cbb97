using System.Net.Http.Headers;

namespace Switchyard.Proxy.Tests.TestSupport;

/// <summary>A client to the proxy that shows answers as they are: no redirects followed, any
/// method, Host and headers; the body is read to the end before returning.</summary>
public sealed class LocalReplyClient(Uri proxy) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
    {
        BaseAddress = proxy,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task<(HttpResponseMessage Response, string Body)> SendAsync(string host, string path = "/", HttpMethod? method = null,
        string? contentType = null, string? body = null, Dictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        request.Headers.Host = host;
        foreach (var (k, v) in headers ?? []) request.Headers.TryAddWithoutValidation(k, v);
        if (body is not null || contentType is not null)
        {
            request.Content = new StringContent(body ?? "");
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }
        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose() => _client.Dispose();
}
