using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Sources;
using Switchyard.Loading;
using Switchyard.Proxy.Demo;
using Switchyard.Proxy.Hosting;
using Switchyard.Proxy.Runtime;
using Switchyard.Proxy.Telemetry;
using Switchyard.Translation;

namespace Switchyard.Proxy.Tests.TestSupport;

/// <summary>
/// Real Kestrel backends on free ports, registered as the endpoints of a ServiceEntry for
/// <c>{service}.default.svc.cluster.local</c>, the real proxy on a free port (started by
/// <see cref="SwitchyardHost"/> over an <see cref="InMemorySource"/>), and an HttpClient.
/// </summary>
public sealed class ProxyHarness : IAsyncDisposable
{
    public List<EchoBackend> Backends { get; } = new();
    private readonly OutcomeRecorder _recorder = new();
    public ConcurrentQueue<RequestOutcome> Outcomes => _recorder.Outcomes;
    public SwitchyardHost Server { get; private set; } = null!;
    public ProxyStateHolder State => Server.State;
    public HttpClient Client { get; private set; } = null!;
    private readonly InMemorySource _config = new("test");
    private string _endpointsYaml = "";

    /// <summary>Backends are named "{service} {version}" and labelled app/version.</summary>
    public static Task<ProxyHarness> StartAsync(string configYaml, string service = "frontend", params string[] versions) =>
        StartAsync(configYaml, TimeProvider.System, service, versions);

    /// <summary>As above, with the proxy's clock given (a fake one drives outlier sweeps).</summary>
    public static async Task<ProxyHarness> StartAsync(string configYaml, TimeProvider time, string service = "frontend", params string[] versions)
    {
        var h = new ProxyHarness();
        foreach (var v in versions) h.Backends.Add(await EchoBackend.StartAsync($"{service} {v}"));
        h._endpointsYaml = ServiceEntryYaml.For(service, versions.Select((v, i) => (h.Backends[i].Port, $"app: {service}, version: {v}")));
        h._config.Set(h.Load(configYaml), 1);
        h.Server = await SwitchyardHost.StartAsync(new SwitchyardHostOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            Admin = new IPEndPoint(IPAddress.Loopback, 0),
            Sources = [h._config],
            Random = new SeededRandom(7),
            Time = time,
            LoggerFactory = NullLoggerFactory.Instance,
            OnOutcome = h._recorder.Record,
        }, TestContext.Current.CancellationToken);
        h.Client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = h.Server.ProxyUri, Timeout = TimeSpan.FromSeconds(60) };
        return h;
    }

    /// <summary>Replaces the configuration (the backends stay registered).</summary>
    public MeshSnapshot Apply(string configYaml, long version)
    {
        _config.Set(Load(configYaml), version);
        return State.Current.Snapshot;
    }

    private IReadOnlyList<Switchyard.Model.Resource> Load(string configYaml)
    {
        var load = ConfigLoader.LoadText(configYaml + "\n---\n" + _endpointsYaml, "test.yaml");
        Assert.Empty(load.AllDiagnostics);
        return load.Resources;
    }

    /// <summary>One request; returns once its outcome is recorded too (it is written after the response completes).</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string host, string path = "/", Dictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        foreach (var (k, v) in headers ?? []) request.Headers.TryAddWithoutValidation(k, v);
        var before = _recorder.Recorded;
        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        await _recorder.WaitForAsync(before + 1);
        return (response.StatusCode, body);
    }

    /// <summary>Sends n requests and counts the first line of each answer (the backend's name) or the status.</summary>
    public async Task<Dictionary<string, int>> CountAsync(string host, int n, string path = "/", Dictionary<string, string>? headers = null)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var (status, body) = await GetAsync(host, path, headers);
            var key = status == HttpStatusCode.OK ? body.Split('\n')[0] : $"HTTP {(int)status}";
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
        foreach (var b in Backends) await b.DisposeAsync();
    }
}
