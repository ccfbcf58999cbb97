using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Proxy.Demo;
using Switchyard.Proxy.Hosting;
using Switchyard.Proxy.Telemetry;
using Switchyard.Sources;

namespace Switchyard.Proxy.Tests.TestSupport;

/// <summary>
/// What <c>switchyard run -f DIR</c> assembles, over a real temporary directory: real Kestrel
/// backends registered by a ServiceEntry file, and a <see cref="SwitchyardHost"/> watching the
/// directory with the real proxy and its admin API on free ports. Edits are written the way editors
/// and <c>kubectl</c>-style tools save (a complete file renamed into place), so a reload never
/// sees a half-written file.
/// </summary>
public sealed class FileProxyHarness : IAsyncDisposable
{
    private readonly string _root;
    private readonly string _staging;

    private FileProxyHarness(string root)
    {
        _root = root;
        ConfigDirectory = Path.Combine(root, "config");
        _staging = Path.Combine(root, "staging");
        Directory.CreateDirectory(ConfigDirectory);
        Directory.CreateDirectory(_staging);
    }

    /// <summary>The watched directory.</summary>
    public string ConfigDirectory { get; }

    public List<EchoBackend> Backends { get; } = new();
    private readonly OutcomeRecorder _recorder = new();
    public ConcurrentQueue<RequestOutcome> Outcomes => _recorder.Outcomes;
    public SwitchyardHost Server { get; private set; } = null!;

    /// <summary>The file source the host follows (its Reloaded event fires on every round).</summary>
    public IConfigSource Source => Server.Sources[0];
    public HttpClient Client { get; private set; } = null!;
    public HttpClient AdminClient { get; private set; } = null!;

    /// <summary>Backends "{service} {version}" labelled app/version, registered in
    /// <c>{service}-endpoints.yaml</c>; <paramref name="files"/> are written beside it before the
    /// first load.</summary>
    public static async Task<FileProxyHarness> StartAsync(IReadOnlyDictionary<string, string> files, string service = "frontend", params string[] versions)
    {
        var h = new FileProxyHarness(Path.Combine(Path.GetTempPath(), "switchyard-hot-" + Guid.NewGuid().ToString("N")));
        try
        {
            foreach (var v in versions) h.Backends.Add(await EchoBackend.StartAsync($"{service} {v}"));
            h.WriteFile($"{service}-endpoints.yaml",
                ServiceEntryYaml.For(service, versions.Select((v, i) => (h.Backends[i].Port, $"app: {service}, version: {v}"))));
            foreach (var (name, text) in files) h.WriteFile(name, text);

            h.Server = await SwitchyardHost.StartAsync(new SwitchyardHostOptions
            {
                Listen = new IPEndPoint(IPAddress.Loopback, 0),
                Admin = new IPEndPoint(IPAddress.Loopback, 0),
                ConfigFiles = [h.ConfigDirectory],
                Random = new SeededRandom(7),
                LoggerFactory = NullLoggerFactory.Instance,
                OnOutcome = h._recorder.Record,
            }, TestContext.Current.CancellationToken);
            h.Client = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false }) { BaseAddress = h.Server.ProxyUri, Timeout = TimeSpan.FromSeconds(60) };
            h.AdminClient = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = h.Server.AdminUri, Timeout = TimeSpan.FromSeconds(60) };
            return h;
        }
        catch
        {
            await h.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes a complete file elsewhere, then renames it into the watched directory.</summary>
    public void WriteFile(string name, string text)
    {
        var staged = Path.Combine(_staging, Guid.NewGuid().ToString("N") + ".tmp");
        File.WriteAllText(staged, text);
        File.Move(staged, Path.Combine(ConfigDirectory, name), overwrite: true);
    }

    /// <summary>Truncates and rewrites the file where it is, as <c>echo ... &gt; file</c> and many editors do.</summary>
    public void WriteFileInPlace(string name, string text) => File.WriteAllText(Path.Combine(ConfigDirectory, name), text);

    public void DeleteFile(string name) => File.Delete(Path.Combine(ConfigDirectory, name));

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string host, string path = "/")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        var before = _recorder.Recorded;
        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        // The outcome is recorded after the response completes; wait for it rather than for time.
        await _recorder.WaitForAsync(before + 1);
        return (response.StatusCode, body);
    }

    public async Task<(HttpStatusCode Status, string Body)> AdminGetAsync(string path)
    {
        using var response = await AdminClient.GetAsync(path, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        AdminClient?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
        foreach (var b in Backends) await b.DisposeAsync();
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
