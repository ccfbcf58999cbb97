using Microsoft.Extensions.Time.Testing;
using Switchyard.Diagnostics;
using Switchyard.Model;
using Switchyard.Sources;
using Switchyard.Sources.Kubernetes;

namespace Switchyard.Tests.Sources.Kubernetes;

/// <summary>
/// KubernetesSource over real HTTP against Switchyard's config API: every kind added, updated and
/// deleted; a watch dropped mid-stream resumes; a resourceVersion compacted away (410 Gone) makes
/// it list again; a burst of 500 changes becomes one snapshot; a bad object is skipped and the
/// rest applies.
/// </summary>
public sealed class KubernetesSourceTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static async Task<ConfigSet> UntilAsync(KubernetesSource source, Func<ConfigSet, bool> done)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!done(source.Current) && DateTime.UtcNow < deadline) await Task.Delay(20, TestContext.Current.CancellationToken);
        return source.Current;
    }

    private static Resource? Find(ConfigSet set, string kind, string name) =>
        set.Resources.FirstOrDefault(r => r.Kind == kind && r.Name == name);

    [Fact]
    public async Task Every_kind_is_added_updated_and_deleted()
    {
        await using var api = await ConfigApi.StartAsync();
        var logs = new CapturedLogs();
        using var source = new KubernetesSource(new ClusterConnection(api.Uri), logger: logs.CreateLogger("k"));
        source.LoadNow();
        source.Start();

        var samples = EveryKind.All("k1");
        foreach (var s in samples) await api.SendAsync(HttpMethod.Post, s.Collection, s.Json);
        var added = await UntilAsync(source, set => samples.All(s => Find(set, s.Kind, "k1") is not null));
        Assert.True(samples.All(s => Find(added, s.Kind, "k1") is not null), string.Join("\n", logs.Entries.Select(e => e.Message)));

        foreach (var s in samples)
            await api.SendAsync(HttpMethod.Patch, s.Item("k1"), """{"metadata":{"labels":{"rev":"2"}}}""", "application/merge-patch+json");
        var updated = await UntilAsync(source, set => samples.All(s => Find(set, s.Kind, "k1")?.Metadata.Labels?.GetValueOrDefault("rev") == "2"));
        Assert.All(samples, s => Assert.Equal("2", Find(updated, s.Kind, "k1")?.Metadata.Labels?.GetValueOrDefault("rev")));

        foreach (var s in samples) await api.SendAsync(HttpMethod.Delete, s.Item("k1"));
        var deleted = await UntilAsync(source, set => samples.All(s => Find(set, s.Kind, "k1") is null));
        Assert.All(samples, s => Assert.Null(Find(deleted, s.Kind, "k1")));
    }

    [Fact]
    public async Task A_watch_dropped_mid_stream_resumes_from_its_resourceVersion_without_listing_again()
    {
        await using var api = await ConfigApi.StartAsync();
        await using var relay = new TcpRelay(api.Uri);
        var logs = new CapturedLogs();
        var vs = EveryKind.All("a")[0];
        using var source = new KubernetesSource(new ClusterConnection(relay.Uri), logger: logs.CreateLogger("k"), kinds: [WatchedKind.All[0]]);
        source.LoadNow();
        source.Start();
        await api.SendAsync(HttpMethod.Post, vs.Collection, vs.Json);
        Assert.NotNull(Find(await UntilAsync(source, set => Find(set, "VirtualService", "a") is not null), "VirtualService", "a"));
        var connections = relay.Connections;

        relay.Drop();
        var b = EveryKind.All("b")[0];
        await api.SendAsync(HttpMethod.Post, b.Collection, b.Json);

        Assert.NotNull(Find(await UntilAsync(source, set => Find(set, "VirtualService", "b") is not null), "VirtualService", "b"));
        Assert.True(relay.Connections > connections, "the watch reconnected");
        Assert.DoesNotContain(logs.Entries, e => e.EventId == EventIds.KubeSourceRelist);
    }

    [Fact]
    public async Task A_resourceVersion_gone_410_lists_again_and_catches_up_on_what_changed_while_unreachable()
    {
        await using var api = await ConfigApi.StartAsync(historyLimit: 5);
        await using var relay = new TcpRelay(api.Uri);
        var logs = new CapturedLogs();
        using var source = new KubernetesSource(new ClusterConnection(relay.Uri), logger: logs.CreateLogger("k"), kinds: [WatchedKind.All[0]]);
        var first = EveryKind.All("first")[0];
        await api.SendAsync(HttpMethod.Post, first.Collection, first.Json);
        source.LoadNow();
        source.Start();
        Assert.NotNull(Find(source.Current, "VirtualService", "first"));

        // Unreachable while 20 changes go by: more than the server's history keeps.
        relay.Drop(refuse: true);
        await api.SendAsync(HttpMethod.Delete, first.Item("first"));
        for (var i = 0; i < 20; i++)
        {
            var s = EveryKind.All($"n{i}")[0];
            await api.SendAsync(HttpMethod.Post, s.Collection, s.Json);
        }
        Assert.NotNull(Find(source.Current, "VirtualService", "first"));
        relay.Accept();

        var caught = await UntilAsync(source, set => Find(set, "VirtualService", "n19") is not null && Find(set, "VirtualService", "first") is null);
        Assert.Null(Find(caught, "VirtualService", "first"));
        Assert.Equal(20, caught.Resources.Count);
        Assert.NotEmpty(logs.Messages(EventIds.KubeSourceRelist));
    }

    [Fact]
    public async Task A_burst_of_500_changes_becomes_one_snapshot()
    {
        await using var api = await ConfigApi.StartAsync();
        var time = new FakeTimeProvider();
        using var source = new KubernetesSource(new ClusterConnection(api.Uri), time, kinds: [WatchedKind.All[0]]);
        source.LoadNow();
        source.Start();
        var changes = 0;
        source.Changed += _ => Interlocked.Increment(ref changes);

        for (var i = 0; i < 250; i++)
        {
            var s = EveryKind.All($"burst{i}")[0];
            await api.SendAsync(HttpMethod.Post, s.Collection, s.Json);
            await api.SendAsync(HttpMethod.Patch, s.Item($"burst{i}"), """{"metadata":{"labels":{"rev":"2"}}}""", "application/merge-patch+json");
        }
        // Every change has arrived on the watch (the last patch too); the clock has not moved, so no round ran yet.
        var deadline = DateTime.UtcNow + Wait;
        while (source.ObjectsWith("\"rev\":\"2\"") < 250 && DateTime.UtcNow < deadline) await Task.Delay(20, TestContext.Current.CancellationToken);
        Assert.Equal(250, source.ObjectsWith("\"rev\":\"2\""));
        Assert.Equal(0, changes);

        time.Advance(KubernetesSource.DefaultDebounce);
        var set = await UntilAsync(source, set => set.Resources.Count == 250);
        Assert.Equal(250, set.Resources.Count);
        Assert.All(set.Resources, r => Assert.Equal("2", r.Metadata.Labels?.GetValueOrDefault("rev")));
        Assert.Equal(1, changes);
    }

    [Fact]
    public async Task A_bad_object_is_skipped_with_its_field_named_and_the_rest_applies()
    {
        await using var api = await ConfigApi.StartAsync();
        using var source = new KubernetesSource(new ClusterConnection(api.Uri), kinds: [WatchedKind.All[0]]);
        source.LoadNow();
        source.Start();
        var good = EveryKind.All("good")[0];
        await api.SendAsync(HttpMethod.Post, good.Collection, good.Json);

        // A file written by hand into the API's directory: the API serves it, nobody admitted it.
        File.WriteAllText(Path.Combine(api.Directory, "bad.yaml"), """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: bad, namespace: default}
            spec:
              hosts: [a]
              http:
              - route:
                - {destination: {host: a}, weight: -5}
            """);

        var set = await UntilAsync(source, set => set.Rejected.Any(d => d.Resource?.Name == "bad"));
        var error = Assert.Single(set.Rejected, d => d.Resource?.Name == "bad" && d.Severity == Severity.Error);
        Assert.Equal("spec.http[0].route[0].weight", error.FieldPath);
        Assert.NotNull(Find(set, "VirtualService", "good"));
        Assert.Null(Find(set, "VirtualService", "bad"));
    }
}
