using System.Net;
using System.Net.Sockets;
using Switchyard.Sources;
using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Model;
using Switchyard.Proxy.Demo;
using Switchyard.Proxy.Hosting;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Hosting;

/// <summary>The composition root as run, demo and the harnesses use it: sources in, traffic out, and a clean stop.</summary>
public class SwitchyardHostTests
{
    private static string RouteTo(string subset) => MeshYaml.Join(
        MeshYaml.DestinationRule("frontend", subsets: """
            - {name: v1, labels: {version: v1}}
            - {name: v2, labels: {version: v2}}
            """),
        MeshYaml.VirtualService("frontend", $"""
            - route:
              - destination: {"{"}host: frontend, subset: {subset}{"}"}
            """));

    [Fact]
    public async Task Requests_follow_each_version_an_in_memory_source_publishes_and_the_log_says_which_is_live()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var v1 = await EchoBackend.StartAsync("frontend v1");
        await using var v2 = await EchoBackend.StartAsync("frontend v2");
        var endpoints = ServiceEntryYaml.For("frontend", [(v1.Port, "app: frontend, version: v1"), (v2.Port, "app: frontend, version: v2")]);
        var config = new InMemorySource();
        config.Set(Load(RouteTo("v1") + "\n---\n" + endpoints));
        var logs = new CapturedLogs();
        var host = await SwitchyardHost.StartAsync(new SwitchyardHostOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            Admin = null,
            Sources = [config],
            Random = new SeededRandom(3),
            LoggerFactory = logs,
        }, ct);
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = host.ProxyUri };
            Assert.Equal("frontend v1", await FirstLineAsync(client, ct));

            // The harness-free path: Set returns once the host has published the snapshot.
            config.Set(Load(RouteTo("v2") + "\n---\n" + endpoints));
            Assert.Equal(2, host.State.Current.Snapshot.Version);
            for (var i = 0; i < 10; i++) Assert.Equal("frontend v2", await FirstLineAsync(client, ct));

            var applied = logs.Messages(EventIds.SnapshotApplied);
            Assert.Equal(2, applied.Count);
            Assert.StartsWith("config v1: 3 resources, ", applied[0]);
            var live = host.State.Current.Snapshot;
            Assert.Equal($"config v2: 3 resources, {live.VirtualHosts.Count} host names, {live.Clusters.Count} clusters", applied[1]);
            Assert.Contains($"outbound listener on {host.ProxyUri}", logs.Messages(EventIds.ListenerStarted));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task After_dispose_the_listener_refuses_connections()
    {
        var ct = TestContext.Current.CancellationToken;
        var logs = new CapturedLogs();
        var host = await SwitchyardHost.StartAsync(new SwitchyardHostOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            Admin = new IPEndPoint(IPAddress.Loopback, 0),
            Sources = [new InMemorySource()],
            LoggerFactory = logs,
        }, ct);
        var proxy = new IPEndPoint(IPAddress.Loopback, host.ProxyUri.Port);
        var admin = new IPEndPoint(IPAddress.Loopback, host.AdminUri!.Port);
        using (var before = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
            await before.ConnectAsync(proxy, ct);

        await host.DisposeAsync();

        foreach (var endpoint in new[] { proxy, admin })
        {
            using var after = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            var refused = await Assert.ThrowsAsync<SocketException>(async () => await after.ConnectAsync(endpoint, ct));
            Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        }
        Assert.Single(logs.Messages(EventIds.ShuttingDown));
        Assert.Empty(logs.Messages(EventIds.ShutdownStepFailed));
    }

    [Fact]
    public async Task Sources_are_merged_routes_from_one_and_endpoints_from_another_and_each_rejection_is_logged_and_listed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var v1 = await EchoBackend.StartAsync("frontend v1");
        var logs = new CapturedLogs();
        var routes = new InMemorySource("routes", logs.CreateLogger("Switchyard.Sources"));
        var endpoints = new InMemorySource("endpoints", logs.CreateLogger("Switchyard.Sources"));
        routes.Set(Load(RouteTo("v1")));
        var refused = Diagnostic.Error("weight must not be negative", new SourceSpan("vs.yaml", 7, 9), new ResourceRef("VirtualService", "default", "broken"), "spec.http[0].route[0].weight");
        endpoints.Set(Load(ServiceEntryYaml.For("frontend", [(v1.Port, "app: frontend, version: v1")])), rejected: [refused]);
        await using var host = await SwitchyardHost.StartAsync(new SwitchyardHostOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            Admin = null,
            Sources = [routes, endpoints],
            LoggerFactory = logs,
        }, ct);
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = host.ProxyUri };

        Assert.Equal("frontend v1", await FirstLineAsync(client, ct));
        // One snapshot from both: its version is the sum of the sources' versions.
        Assert.Equal(2, host.State.Current.Snapshot.Version);
        var line = "endpoints: rejected: " + DiagnosticFormatter.FormatValidateLine(refused);
        Assert.Equal([line], logs.Messages(EventIds.ResourceRejected));
        Assert.Contains(refused, host.Admin.Rejected);

        // A round of the other source: the rejection is reported again, as on every round.
        routes.Set(Load(RouteTo("v1")));
        Assert.Equal(3, host.State.Current.Snapshot.Version);
        Assert.Contains(refused, host.Admin.Rejected);
        Assert.Equal([line], logs.Messages(EventIds.ResourceRejected));
        endpoints.Set(endpoints.Current.Resources, rejected: [refused]);
        Assert.Equal([line, line], logs.Messages(EventIds.ResourceRejected));
    }

    [Fact]
    public async Task A_snapshot_that_fails_to_build_is_logged_with_its_exception_and_the_last_good_one_keeps_serving()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var v1 = await EchoBackend.StartAsync("frontend v1");
        var config = new InMemorySource();
        config.Set(Load(RouteTo("v1") + "\n---\n" + ServiceEntryYaml.For("frontend", [(v1.Port, "app: frontend, version: v1")])));
        var logs = new CapturedLogs();
        await using var host = await SwitchyardHost.StartAsync(new SwitchyardHostOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            Admin = null,
            Sources = [config],
            LoggerFactory = logs,
        }, ct);
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = host.ProxyUri };

        // A source whose set cannot be read stands in for any bug on the way to a snapshot.
        config.Set(new UnreadableResources());

        var failed = Assert.Single(logs.Entries, e => e.EventId == EventIds.SnapshotFailed);
        Assert.Equal("config v2 from memory was not applied; the last good snapshot keeps serving", failed.Message);
        Assert.IsType<IOException>(failed.Exception);
        Assert.Equal(1, host.State.Current.Snapshot.Version);
        Assert.Equal("frontend v1", await FirstLineAsync(client, ct));
    }

    [Fact]
    public async Task What_translation_leaves_out_is_logged_with_file_and_line_and_listed_on_the_admin_api()
    {
        var ct = TestContext.Current.CancellationToken;
        var second = MeshYaml.VirtualService("frontend", """
            - route:
              - destination: {host: frontend, subset: v2}
            """).Replace("name: frontend", "name: frontend-again", StringComparison.Ordinal);
        var config = new InMemorySource();
        config.Set(Load(MeshYaml.Join(RouteTo("v1"), second, ServiceEntryYaml.For("frontend", [(9, "app: frontend, version: v1")]))));
        var logs = new CapturedLogs();
        await using var host = await SwitchyardHost.StartAsync(new SwitchyardHostOptions
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            Admin = null,
            Sources = [config],
            LoggerFactory = logs,
        }, ct);

        // Istio's rule: the first VirtualService for a host wins; the second is left out for it.
        var left = Assert.Single(host.State.Current.Snapshot.Diagnostics);
        Assert.Equal("frontend-again", left.Resource!.Name);
        Assert.Equal("test.yaml", left.Span.File);
        Assert.Equal(["translation: " + DiagnosticFormatter.FormatValidateLine(left)], logs.Messages(EventIds.TranslationDiagnostic));
        Assert.Contains(left, host.Admin.Rejected);
    }

    private sealed class UnreadableResources : IReadOnlyList<Resource>
    {
        public Resource this[int index] => throw new IOException("unreadable");
        public int Count => 1;
        public IEnumerator<Resource> GetEnumerator() => throw new IOException("unreadable");
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static IReadOnlyList<Resource> Load(string yaml)
    {
        var load = ConfigLoader.LoadText(yaml, "test.yaml");
        Assert.Empty(load.AllDiagnostics);
        return load.Resources;
    }

    private static async Task<string> FirstLineAsync(HttpClient client, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "frontend";
        using var response = await client.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return response.IsSuccessStatusCode ? body.Split('\n')[0] : $"HTTP {(int)response.StatusCode}";
    }
}
