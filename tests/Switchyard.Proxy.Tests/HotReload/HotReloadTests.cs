using System.Net;
using System.Text.Json;
using Switchyard.Proxy.Telemetry;
using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.HotReload;

/// <summary>
/// <c>switchyard run -f DIR</c>'s promise under live traffic: an edit of the files goes live
/// without dropping a request, an invalid edit is refused and traffic stays on the last good
/// configuration, and files coming and going add and remove hosts.
/// </summary>
public class HotReloadTests
{
    private const string VsFile = "frontend-vs.yaml";

    private static readonly string Subsets = MeshYaml.DestinationRule("frontend", subsets: """
        - {name: v1, labels: {version: v1}}
        - {name: v2, labels: {version: v2}}
        """);

    private static string AllTo(string subset) => MeshYaml.VirtualService("frontend", $$$"""
        - route:
          - {destination: {host: frontend, subset: {{{subset}}}}}
        """);

    private static Dictionary<string, string> InitialFiles() => new()
    {
        ["frontend-dr.yaml"] = Subsets,
        [VsFile] = AllTo("v1"),
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Switching_the_virtual_service_from_v1_to_v2_under_continuous_traffic_drops_no_request(bool renamedIntoPlace)
    {
        await using var h = await FileProxyHarness.StartAsync(InitialFiles(), "frontend", "v1", "v2");
        Assert.Equal(1, await ConfigVersionAsync(h));
        await using var traffic = TrafficLoop.Start(h.Server.ProxyUri, "frontend");
        Assert.True(await Eventually.TrueAsync(() => traffic.Count("frontend v1") >= 50), Describe(traffic));

        if (renamedIntoPlace) h.WriteFile(VsFile, AllTo("v2"));
        else h.WriteFileInPlace(VsFile, AllTo("v2"));

        Assert.True(await Eventually.TrueAsync(() => traffic.Count("frontend v2") > 0), "no response from v2 within 30 s: " + Describe(traffic));
        // Keep the traffic going well past the switch.
        Assert.True(await traffic.WaitForMoreAsync(150), Describe(traffic));
        await traffic.StopAsync();

        Assert.Empty(traffic.Failures);
        Assert.Equal(2, await ConfigVersionAsync(h));
        // Once switched, everything goes to v2.
        for (var i = 0; i < 20; i++)
        {
            var (status, body) = await h.GetAsync("frontend");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.StartsWith("frontend v2\n", body);
        }
    }

    public static TheoryData<string, string, string> InvalidEdits => new()
    {
        // A negative weight: loads, but validation refuses the VirtualService.
        {
            "negative weight",
            """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: frontend, namespace: default}
            spec:
              hosts: [frontend]
              http:
              - route:
                - {destination: {host: frontend, subset: v1}, weight: 101}
                - {destination: {host: frontend, subset: v2}, weight: -1}
            """,
            "weight"
        },
        // A syntax error: the file does not parse at all.
        {
            "syntax error",
            """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: frontend, namespace: default}
            spec:
              hosts: [frontend
              http:
              - route: [{destination: {host: frontend, subset: v2}}]
            """,
            ""
        },
    };

    [Theory]
    [MemberData(nameof(InvalidEdits))]
    public async Task Invalid_edit_under_continuous_traffic_is_rejected_on_the_admin_api_and_traffic_stays_on_the_last_good_config(
        string what, string invalid, string messageMentions)
    {
        await using var h = await FileProxyHarness.StartAsync(InitialFiles(), "frontend", "v1", "v2");
        Assert.Equal("[]", (await h.AdminGetAsync("/rejected")).Body.Trim());
        await using var traffic = TrafficLoop.Start(h.Server.ProxyUri, "frontend");
        Assert.True(await Eventually.TrueAsync(() => traffic.Count("frontend v1") >= 50), Describe(traffic));

        h.WriteFile(VsFile, invalid);

        var rejected = await Eventually.UntilAsync(RejectedErrorsAsync(h), rows => rows.Count > 0);
        Assert.True(rejected.Count > 0, $"{what}: /rejected never showed an error for {VsFile}");
        Assert.Contains(rejected, r => r.Message.Contains(messageMentions, StringComparison.OrdinalIgnoreCase));

        // Traffic keeps flowing on the previous snapshot.
        Assert.True(await traffic.WaitForMoreAsync(150), Describe(traffic));
        await traffic.StopAsync();
        Assert.Empty(traffic.Failures);
        Assert.Equal(0, traffic.Count("frontend v2"));
        Assert.Equal(1, await ConfigVersionAsync(h));
        var (status, body) = await h.GetAsync("frontend");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("frontend v1\n", body);

        // Fixing the file applies it and clears the rejection.
        h.WriteFile(VsFile, AllTo("v2"));
        var fixedBody = await Eventually.UntilAsync(async () => (await h.GetAsync("frontend")).Body, b => b.StartsWith("frontend v2\n", StringComparison.Ordinal));
        Assert.StartsWith("frontend v2\n", fixedBody);
        Assert.Equal(2, await ConfigVersionAsync(h));
        Assert.Empty(await Eventually.UntilAsync(RejectedErrorsAsync(h), rows => rows.Count == 0));
    }

    [Fact]
    public async Task A_new_file_with_a_virtual_service_for_a_new_host_makes_it_routable_and_deleting_the_file_makes_it_404_NR()
    {
        await using var h = await FileProxyHarness.StartAsync(InitialFiles(), "frontend", "v1", "v2");
        Assert.Equal(HttpStatusCode.NotFound, (await h.GetAsync("shop.example.com")).Status);

        h.WriteFile("shop-vs.yaml", MeshYaml.VirtualService("shop.example.com", "- route: [{destination: {host: frontend.default.svc.cluster.local, subset: v2}}]"));
        var added = await Eventually.UntilAsync(() => h.GetAsync("shop.example.com"), r => r.Status == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.StartsWith("frontend v2\n", added.Body);
        Assert.Contains("host: shop.example.com", added.Body);
        // The existing host is untouched.
        Assert.StartsWith("frontend v1\n", (await h.GetAsync("frontend")).Body);

        h.DeleteFile("shop-vs.yaml");
        var removed = await Eventually.UntilAsync(() => h.GetAsync("shop.example.com"), r => r.Status == HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, removed.Status);
        Assert.Contains(h.Outcomes, o => o.Authority == "shop.example.com" && o.Status == 404 && o.Flags == ResponseFlags.NoRouteFound);
        Assert.Equal(3, await ConfigVersionAsync(h));
        Assert.StartsWith("frontend v1\n", (await h.GetAsync("frontend")).Body);
    }

    // Regression: FileSource raises Changed and then Reloaded for the same set; the Reloaded
    // handler once replaced /rejected with the source's rejections only, dropping what translation
    // left out of the new snapshot (listed on /config_dump but not on /rejected).
    [Fact]
    public async Task What_translation_left_out_of_a_reloaded_config_is_listed_on_rejected()
    {
        await using var h = await FileProxyHarness.StartAsync(InitialFiles(), "frontend", "v1", "v2");
        h.WriteFile("orders-vs.yaml", MeshYaml.VirtualService("orders.example.com", "- route: [{destination: {host: nowhere.default.svc.cluster.local}}]"));
        Assert.Equal(2, await Eventually.UntilAsync(() => ConfigVersionAsync(h), v => v == 2));

        // /config_dump lists the translation diagnostic; /rejected, "what was refused or left
        // out", should too, as it does for the initial load (MeshUpdater puts it there).
        Assert.Contains("nowhere", (await h.AdminGetAsync("/config_dump")).Body);
        var rejected = await Eventually.UntilAsync(() => h.AdminGetAsync("/rejected"), r => r.Body.Contains("nowhere", StringComparison.Ordinal));
        Assert.Contains("nowhere", rejected.Body);
    }

    private static async Task<long> ConfigVersionAsync(FileProxyHarness h)
    {
        var (status, body) = await h.AdminGetAsync("/config_dump");
        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("version").GetInt64();
    }

    private sealed record RejectedRow(string Level, string Message, string? File);

    /// <summary>The Error rows of admin /rejected that point at the VirtualService file.</summary>
    private static Func<Task<List<RejectedRow>>> RejectedErrorsAsync(FileProxyHarness h) => async () =>
    {
        var (status, body) = await h.AdminGetAsync("/rejected");
        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.EnumerateArray()
            .Select(r => new RejectedRow(
                r.GetProperty("level").GetString()!,
                r.GetProperty("message").GetString()!,
                r.TryGetProperty("file", out var f) ? f.GetString() : null))
            .Where(r => r.Level == "Error" && r.File is not null && r.File.EndsWith(VsFile, StringComparison.Ordinal))
            .ToList();
    };

    private static string Describe(TrafficLoop traffic) =>
        $"total {traffic.Total}, by backend {string.Join(", ", traffic.ByBackend.Select(kv => $"{kv.Key}={kv.Value}"))}, failures: {string.Join(" | ", traffic.Failures.Take(5))}";
}
