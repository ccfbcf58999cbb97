using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Sources;
using Switchyard.Loading;
using Switchyard.Proxy.Hosting;
using Switchyard.Proxy.Telemetry;

namespace Switchyard.Proxy.Tests.TestSupport;

/// <summary>
/// The real proxy in front of <see cref="ScriptedBackend"/>s (and, if asked, ports that refuse every
/// connection while the harness lives), all registered as endpoints of <c>{service}.default.svc.cluster.local</c>, labelled
/// <c>app: {service}</c> and <c>version: v1, v2...</c> in the order given.
/// </summary>
public sealed class ScriptedProxyHarness : IAsyncDisposable
{
    public IReadOnlyList<ScriptedBackend> Backends { get; private init; } = [];
    private readonly OutcomeRecorder _recorder = new();
    public ConcurrentQueue<RequestOutcome> Outcomes => _recorder.Outcomes;
    public SwitchyardHost Server { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    private readonly List<RefusedPort> _refused = [];

    public static async Task<ScriptedProxyHarness> StartAsync(string configYaml, IReadOnlyList<ScriptedBackend> backends, int closedPorts = 0, string service = "frontend", TimeProvider? time = null)
    {
        var h = new ScriptedProxyHarness { Backends = backends };
        for (var i = 0; i < closedPorts; i++) h._refused.Add(new RefusedPort());
        var ports = backends.Select(b => b.Port).Concat(h._refused.Select(r => r.Port)).ToList();
        var endpoints = ServiceEntryYaml.For(service, ports.Select((p, i) => (p, $"app: {service}, version: v{i + 1}")));
        var load = ConfigLoader.LoadText(configYaml + "\n---\n" + endpoints, "test.yaml");
        Assert.Empty(load.AllDiagnostics);
        var config = new InMemorySource("test");
        config.Set(load.Resources);
        h.Server = await SwitchyardHost.StartAsync(new SwitchyardHostOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            Admin = null,
            Sources = [config],
            Random = new SeededRandom(7),
            LoggerFactory = NullLoggerFactory.Instance,
            Time = time ?? TimeProvider.System,
            OnOutcome = h._recorder.Record,
        }, TestContext.Current.CancellationToken);
        h.Client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = h.Server.ProxyUri, Timeout = TimeSpan.FromSeconds(90) };
        return h;
    }

    public async Task<(HttpStatusCode Status, string Body, RequestOutcome Outcome)> SendAsync(
        HttpMethod method, string path = "/", HttpContent? content = null, Dictionary<string, string>? headers = null, string host = "frontend")
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Host = host;
        foreach (var (k, v) in headers ?? []) request.Headers.TryAddWithoutValidation(k, v);
        var before = _recorder.Recorded;
        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        // The outcome is recorded after the response completes; wait for it rather than for time.
        await _recorder.WaitForAsync(before + 1);
        return (response.StatusCode, body, Outcomes.ToArray()[^1]);
    }

    public Task<(HttpStatusCode Status, string Body, RequestOutcome Outcome)> GetAsync(string path = "/", Dictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Get, path, null, headers);

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
        foreach (var b in Backends) await b.DisposeAsync();
        foreach (var r in _refused) r.Dispose();
    }
}
