using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Proxy.Demo;
using Switchyard.Proxy.Hosting;
using Switchyard.Proxy.KubeApi;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.KubeApi;

/// <summary>
/// What <c>switchyard run -f DIR --kube-api ADDR</c> assembles, on free ports over a temporary
/// directory: real echo backends <c>frontend v1</c> and <c>frontend v2</c> registered by a
/// ServiceEntry file, the proxy, and the config API with a kubeconfig for real kubectl.
/// </summary>
public sealed class KubeApiHarness : IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "switchyard-kube-" + Guid.NewGuid().ToString("N"));
    private readonly List<EchoBackend> _backends = new();

    public string ConfigDirectory => Path.Combine(_root, "config");
    public SwitchyardHost Server { get; private set; } = null!;
    public Kubectl Kubectl { get; private set; } = null!;
    public string KubeconfigPath => Path.Combine(_root, "kc");
    private HttpClient _client = null!;

    public static async Task<KubeApiHarness> StartAsync(TimeSpan? bookmarkInterval = null, int historyLimit = 10_000)
    {
        var h = new KubeApiHarness();
        try
        {
            Directory.CreateDirectory(h.ConfigDirectory);
            foreach (var v in new[] { "v1", "v2" }) h._backends.Add(await EchoBackend.StartAsync($"frontend {v}"));
            File.WriteAllText(Path.Combine(h.ConfigDirectory, "frontend-endpoints.yaml"),
                ServiceEntryYaml.For("frontend", [(h._backends[0].Port, "app: frontend, version: v1"), (h._backends[1].Port, "app: frontend, version: v2")]));
            h.Server = await SwitchyardHost.StartAsync(new SwitchyardHostOptions
            {
                Listen = new IPEndPoint(IPAddress.Loopback, 0),
                Admin = null,
                ConfigFiles = [h.ConfigDirectory],
                Random = new SeededRandom(7),
                LoggerFactory = NullLoggerFactory.Instance,
                KubeApi = new KubeApiOptions
                {
                    Listen = new IPEndPoint(IPAddress.Loopback, 0),
                    Directory = h.ConfigDirectory,
                    BookmarkInterval = bookmarkInterval ?? TimeSpan.FromMinutes(1),
                    HistoryLimit = historyLimit,
                },
            }, TestContext.Current.CancellationToken);
            File.WriteAllText(h.KubeconfigPath, Kubeconfig.Render(h.Server.KubeApiUri!.ToString().TrimEnd('/'), null, null, "default"));
            h.Kubectl = new Kubectl(h.KubeconfigPath, Path.Combine(h._root, "kube-cache"));
            h._client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = h.Server.ProxyUri, Timeout = TimeSpan.FromSeconds(60) };
            return h;
        }
        catch
        {
            await h.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes <paramref name="yaml"/> to a file outside the config directory, for <c>kubectl apply -f</c>.</summary>
    public string Manifest(string name, string yaml)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>The body of a request through the proxy with this Host (the echo backend names itself).</summary>
    public async Task<string> GetAsync(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = host;
        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}";
    }

    /// <summary>Polls the proxy until the answer contains <paramref name="expected"/>; returns the last answer.</summary>
    public Task<string> UntilServesAsync(string host, string expected) =>
        Eventually.UntilAsync(() => GetAsync(host), body => body.Contains(expected, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
        foreach (var b in _backends) await b.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
