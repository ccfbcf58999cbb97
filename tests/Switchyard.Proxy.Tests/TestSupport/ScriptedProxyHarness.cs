using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Switchyard.Loading;
using Switchyard.Proxy.Admin;
using Switchyard.Proxy.Hosting;
using Switchyard.Proxy.Runtime;
using Switchyard.Proxy.Telemetry;
using Switchyard.Translation;

namespace Switchyard.Proxy.Tests.TestSupport;

/// <summary>
/// The real proxy in front of <see cref="ScriptedBackend"/>s (and, if asked, a port nobody listens
/// on), all registered as endpoints of <c>{service}.default.svc.cluster.local</c>, labelled
/// <c>app: {service}</c> and <c>version: v1, v2...</c> in the order given.
/// </summary>
public sealed class ScriptedProxyHarness : IAsyncDisposable
{
    public IReadOnlyList<ScriptedBackend> Backends { get; private init; } = [];
    public ConcurrentQueue<RequestOutcome> Outcomes { get; } = new();
    public ProxyServer Server { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public static async Task<ScriptedProxyHarness> StartAsync(string configYaml, IReadOnlyList<ScriptedBackend> backends, int closedPorts = 0, string service = "frontend")
    {
        var h = new ScriptedProxyHarness { Backends = backends };
        var ports = backends.Select(b => b.Port).Concat(Enumerable.Range(0, closedPorts).Select(_ => ClosedPort())).ToList();
        var endpoints = ServiceEntryYaml.For(service, ports.Select((p, i) => (p, $"app: {service}, version: v{i + 1}")));
        var admin = new AdminData();
        var state = new ProxyStateHolder(new ClusterReconciler(new SeededRandom(42), TimeProvider.System, null), TimeProvider.System);
        var updater = new MeshUpdater(state, admin, new TranslationOptions());
        var load = ConfigLoader.LoadText(configYaml + "\n---\n" + endpoints, "test.yaml");
        Assert.Empty(load.AllDiagnostics);
        updater.Apply(load.Resources, 1, []);
        h.Server = await ProxyServer.StartAsync(new ProxyServerOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            Admin = null,
            Random = new SeededRandom(7),
            OnOutcome = h.Outcomes.Enqueue,
        }, state, admin);
        h.Client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = h.Server.ProxyUri, Timeout = TimeSpan.FromSeconds(90) };
        return h;
    }

    /// <summary>A loopback port that was free a moment ago and has no listener: connecting is refused.</summary>
    private static int ClosedPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public async Task<(HttpStatusCode Status, string Body, RequestOutcome Outcome)> SendAsync(
        HttpMethod method, string path = "/", HttpContent? content = null, Dictionary<string, string>? headers = null, string host = "frontend")
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Host = host;
        foreach (var (k, v) in headers ?? []) request.Headers.TryAddWithoutValidation(k, v);
        var before = Outcomes.Count;
        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        // The outcome is recorded after the response completes; wait for it rather than for time.
        Assert.True(await Eventually.TrueAsync(() => Outcomes.Count > before), "no outcome recorded");
        return (response.StatusCode, body, Outcomes.ToArray()[^1]);
    }

    public Task<(HttpStatusCode Status, string Body, RequestOutcome Outcome)> GetAsync(string path = "/", Dictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Get, path, null, headers);

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
        foreach (var b in Backends) await b.DisposeAsync();
    }
}
