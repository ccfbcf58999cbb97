using System.Net;
using Microsoft.AspNetCore.Http;
using Switchyard.Proxy.Runtime;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.HotReload;

/// <summary>
/// What a reload keeps, through the real proxy: a cluster's runtime lives as long as its name,
/// a VirtualService-only change (weights, matches) rebuilds no upstream client, and a client a
/// reload does replace is disposed only when its last request has ended.
/// </summary>
public class ClusterRuntimeReuseTests
{
    private const string V1 = "outbound|80|v1|frontend.default.svc.cluster.local";
    private const string V2 = "outbound|80|v2|frontend.default.svc.cluster.local";

    private static readonly string Subsets = MeshYaml.DestinationRule("frontend", subsets: """
        - {name: v1, labels: {version: v1}}
        - {name: v2, labels: {version: v2}}
        """);

    private static string Split(int v1, int v2, string match = "") => MeshYaml.Join(Subsets, MeshYaml.VirtualService("frontend", $$"""
        - {{match}}route:
          - {destination: {host: frontend, subset: v1}, weight: {{v1}}}
          - {destination: {host: frontend, subset: v2}, weight: {{v2}}}
        """));

    private static Dictionary<string, (ClusterRuntime Runtime, UpstreamClient Client)> Clients(ProxyHarness h) =>
        h.State.Current.Clusters.ToDictionary(kv => kv.Key, kv => (kv.Value, kv.Value.Parts.Client));

    [Fact]
    public async Task Flipping_a_split_100_0_to_0_100_and_back_keeps_every_cluster_runtime_and_upstream_client()
    {
        await using var h = await ProxyHarness.StartAsync(Split(100, 0), "frontend", "v1", "v2");
        Assert.StartsWith("frontend v1\n", (await h.GetAsync("frontend")).Body);
        var before = Clients(h);
        Assert.Contains(V2, before.Keys); // the weight-0 subset has its cluster all the same

        h.Apply(Split(0, 100), 2);
        Assert.StartsWith("frontend v2\n", (await h.GetAsync("frontend")).Body);
        h.Apply(Split(100, 0), 3);
        Assert.StartsWith("frontend v1\n", (await h.GetAsync("frontend")).Body);

        var after = Clients(h);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, (runtime, client)) in before)
        {
            Assert.Same(runtime, after[name].Runtime);
            Assert.Same(client, after[name].Client);
            Assert.False(client.IsRetired, $"{name}'s client was retired by a weight change");
        }
    }

    [Fact]
    public async Task A_virtual_service_match_edit_keeps_every_upstream_client()
    {
        await using var h = await ProxyHarness.StartAsync(Split(50, 50), "frontend", "v1", "v2");
        var before = Clients(h);
        h.Apply(Split(50, 50, match: "match: [{headers: {end-user: {exact: jason}}}]\n  "), 2);
        Assert.Equal(HttpStatusCode.OK, (await h.GetAsync("frontend", headers: new() { ["end-user"] = "jason" })).Status);
        var after = Clients(h);
        foreach (var (name, (runtime, client)) in before)
        {
            Assert.Same(runtime, after[name].Runtime);
            Assert.Same(client, after[name].Client);
        }
    }

    [Fact]
    public async Task A_stream_started_before_a_reload_that_replaces_its_client_completes_and_the_client_is_disposed_after_it()
    {
        await using var stream = await ScriptedBackend.StartAsync("stream", async (context, _, self) =>
        {
            await context.Response.WriteAsync("first half|");
            await context.Response.Body.FlushAsync();
            await self.Released;
            await context.Response.WriteAsync("second half");
        });
        var service = ServiceEntryYaml.For("stream", [(stream.Port, "app: stream")]);
        string Config(string connectTimeout) => MeshYaml.Join(service, MeshYaml.DestinationRule("stream", trafficPolicy: $"connectionPool: {{tcp: {{connectTimeout: {connectTimeout}}}}}"));
        await using var h = await ProxyHarness.StartAsync(Config("5s"), "frontend", "v1");
        const string Cluster = "outbound|80||stream.default.svc.cluster.local";
        var old = h.State.Current.Clusters[Cluster].Parts.Client;
        var disposed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        old.Disposed += _ => disposed.TrySetResult();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = "stream" } };
        using var response = await h.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var buffer = new byte[64];
        var first = await body.ReadAsync(buffer, TestContext.Current.CancellationToken);
        Assert.Equal("first half|", System.Text.Encoding.UTF8.GetString(buffer, 0, first));

        // A new connect timeout is a new upstream client: the old one is retired, not disposed.
        h.Apply(Config("7s"), 2);
        var now = h.State.Current.Clusters[Cluster].Parts.Client;
        Assert.NotSame(old, now);
        Assert.True(old.IsRetired);
        Assert.False(old.IsDisposed, "the retired client was disposed under a stream still using it");
        Assert.Equal(1, old.ActiveRequests);

        stream.Release();
        using var rest = new StreamReader(body);
        Assert.Equal("second half", await rest.ReadToEndAsync(TestContext.Current.CancellationToken));
        await disposed.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.True(old.IsDisposed);
        Assert.False(now.IsRetired);
        // Later requests go through the new client.
        Assert.Equal(HttpStatusCode.OK, (await h.GetAsync("stream")).Status);
    }
}
