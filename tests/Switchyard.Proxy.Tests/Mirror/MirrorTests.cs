using System.Net;
using Switchyard.Proxy.Mirror;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.Mirror;

/// <summary>Envoy's request mirroring through the real proxy: shadow Host, shares, fire and forget.</summary>
public class MirrorTests
{
    private static string Config(string mirrorFields, params (string Name, int Port)[] mirrors)
    {
        var entries = string.Join("\n---\n", mirrors.Select(m => ServiceEntryYaml.For(m.Name, [(m.Port, $"app: {m.Name}")])));
        return MeshYaml.Join(entries, MeshYaml.VirtualService("frontend", $$"""
            - route:
              - destination: {host: frontend}
            {{MeshYaml.Indent(mirrorFields, 2)}}
            """));
    }

    [Fact]
    public async Task Mirror_gets_a_copy_with_the_shadow_host_method_path_headers_and_body()
    {
        await using var mirror = await RecordingBackend.StartAsync();
        await using var h = await ProxyHarness.StartAsync(Config("mirror: {host: mirror}", ("mirror", mirror.Port)), "frontend", "v1");
        using var client = new LocalReplyClient(h.Server.ProxyUri);

        var (response, body) = await client.SendAsync("frontend", "/submit?x=1", HttpMethod.Post, "text/plain", "hello", new() { ["x-test"] = "copied" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("frontend v1\nPOST /submit?x=1", body);
        (await client.SendAsync("frontend:80", "/with-port")).Response.Dispose();

        var got = await Eventually.UntilAsync(() => Task.FromResult(mirror.Received.ToArray()), r => r.Length >= 2);
        var post = Assert.Single(got, r => r.Method == "POST");
        Assert.Equal(new RecordedRequest("frontend-shadow", "POST", "/submit?x=1", "hello", "copied"), post);
        Assert.Equal("frontend-shadow:80", Assert.Single(got, r => r.Method == "GET").Host);
    }

    [Theory]
    [InlineData("frontend", "frontend-shadow")]
    [InlineData("a:8080", "a-shadow:8080")]
    [InlineData("[::1]:80", "[::1]-shadow:80")]
    [InlineData("[::1]", "[::1]-shadow")]
    public void Shadow_host_goes_before_the_port_as_in_envoy(string host, string shadow) => Assert.Equal(shadow, ShadowHost.Of(host));

    [Fact]
    public async Task Mirror_percentage_50_copies_about_half_of_2000_requests()
    {
        await using var mirror = await RecordingBackend.StartAsync();
        await using var h = await ProxyHarness.StartAsync(Config("mirror: {host: mirror}\nmirrorPercentage: {value: 50}", ("mirror", mirror.Port)), "frontend", "v1");
        var counts = await h.CountAsync("frontend", 2000);
        Assert.Equal(2000, counts.GetValueOrDefault("frontend v1"));

        // Every copy took its slot on the mirror cluster while its primary was in flight; once no
        // slot is held, every copy has been answered, so the count is final.
        var slots = h.State.Current.Clusters.Values.Single(c => c.Spec.Host.StartsWith("mirror.", StringComparison.Ordinal) && c.Spec.Subset is null).MirrorSlots;
        Assert.True(await Eventually.TrueAsync(() => slots.InFlight == 0), $"{slots.InFlight} copies still in flight");
        var settled = mirror.Received.Count;
        // Binomial sd at n=2000, p=0.5 is ~22; ±100 is > 4 sd.
        Assert.InRange(settled, 900, 1100);
        Assert.All(mirror.Received, r => Assert.Equal("frontend-shadow", r.Host));
    }

    [Fact]
    public async Task Mirrors_list_copies_to_every_target_on_its_own_share()
    {
        await using var a = await RecordingBackend.StartAsync();
        await using var b = await RecordingBackend.StartAsync();
        var fields = "mirrors:\n- {destination: {host: mirror-a}}\n- {destination: {host: mirror-b}, percentage: {value: 0}}";
        await using var h = await ProxyHarness.StartAsync(Config(fields, ("mirror-a", a.Port), ("mirror-b", b.Port)), "frontend", "v1");
        var counts = await h.CountAsync("frontend", 20);
        Assert.Equal(20, counts.GetValueOrDefault("frontend v1"));
        Assert.True(await Eventually.TrueAsync(() => a.Received.Count == 20), $"mirror-a got {a.Received.Count}");
        Assert.Empty(b.Received); // an explicit 0% mirrors nothing
    }

    [Fact]
    public async Task Mirror_that_never_answers_neither_slows_nor_fails_the_primary()
    {
        await using var mirror = await RecordingBackend.StartAsync(block: true);
        await using var h = await ProxyHarness.StartAsync(Config("mirror: {host: mirror}", ("mirror", mirror.Port)), "frontend", "v1");
        var counts = await h.CountAsync("frontend", 20);

        // Every primary answered while every copy is still held by the mirror.
        Assert.Equal(20, counts.GetValueOrDefault("frontend v1"));
        Assert.True(await Eventually.TrueAsync(() => mirror.Received.Count == 20), $"mirror got {mirror.Received.Count}");
        Assert.Equal(0, mirror.Answered);
        Assert.All(h.Outcomes, o => Assert.Equal("-", o.Flags.ToEnvoyString()));
    }

    [Fact]
    public async Task Copies_in_flight_to_one_mirror_are_bounded_and_the_rest_dropped()
    {
        await using var mirror = await RecordingBackend.StartAsync(block: true);
        // A long route timeout keeps every copy's slot held for the whole test.
        await using var h = await ProxyHarness.StartAsync(Config("timeout: 600s\nmirror: {host: mirror}", ("mirror", mirror.Port)), "frontend", "v1");
        var n = MirrorStep.MaxInFlightPerCluster + 40;
        var counts = await h.CountAsync("frontend", n);
        Assert.Equal(n, counts.GetValueOrDefault("frontend v1"));
        Assert.True(await Eventually.TrueAsync(() => mirror.Received.Count >= MirrorStep.MaxInFlightPerCluster), $"mirror got {mirror.Received.Count}");
        Assert.Equal(MirrorStep.MaxInFlightPerCluster, mirror.Received.Count);
        Assert.Equal(0, mirror.Answered);
    }

    [Fact]
    public async Task Dead_mirror_port_neither_slows_nor_fails_the_primary()
    {
        using var dead = new RefusedPort();
        await using var h = await ProxyHarness.StartAsync(Config("mirror: {host: mirror}", ("mirror", dead.Port)), "frontend", "v1");
        var counts = await h.CountAsync("frontend", 20);
        Assert.Equal(20, counts.GetValueOrDefault("frontend v1"));
        Assert.True(await Eventually.TrueAsync(() => h.Outcomes.Count == 20));
        Assert.All(h.Outcomes, o => Assert.Equal("-", o.Flags.ToEnvoyString()));
    }
}
