using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Proxy.Hosting;
using Switchyard.Proxy.KubeApi;

namespace Switchyard.Tests.Sources.Kubernetes;

/// <summary>
/// Switchyard's config API on a free port over a temporary directory, as the API server that
/// KubernetesSource tests watch, with a plain HTTP client for the writes a test makes.
/// </summary>
internal sealed class ConfigApi : IAsyncDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "switchyard-kubesrc-" + Guid.NewGuid().ToString("N"));
    private SwitchyardHost _host = null!;
    private HttpClient _http = null!;

    public Uri Uri => _host.KubeApiUri!;

    /// <summary>The config directory the API stores objects in (and reads hand-written files from).</summary>
    public string Directory => _dir;

    public static async Task<ConfigApi> StartAsync(int historyLimit = 10_000)
    {
        var api = new ConfigApi();
        System.IO.Directory.CreateDirectory(api._dir);
        api._host = await SwitchyardHost.StartAsync(new SwitchyardHostOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            Admin = null,
            LoggerFactory = NullLoggerFactory.Instance,
            KubeApi = new KubeApiOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), Directory = api._dir, HistoryLimit = historyLimit },
        }, TestContext.Current.CancellationToken);
        api._http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = api.Uri, Timeout = TimeSpan.FromSeconds(60) };
        return api;
    }

    /// <summary>Sends one request and fails the test on an error status.</summary>
    public async Task<string> SendAsync(HttpMethod method, string path, string? json = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, contentType);
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {body}");
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
        try { System.IO.Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* A leftover temp directory is harmless. */ }
    }
}
