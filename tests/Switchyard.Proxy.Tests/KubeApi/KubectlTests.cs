using Switchyard.Proxy.Tests.TestSupport;

namespace Switchyard.Proxy.Tests.KubeApi;

/// <summary>
/// Unmodified kubectl against the config API of a running proxy: each verb a user types, and
/// after each apply a request through the proxy that shows the route changed (or, for a refused
/// or dry-run apply, that it did not).
/// </summary>
public sealed class KubectlTests
{
    private static readonly string Subsets = MeshYaml.DestinationRule("frontend", subsets: """
        - {name: v1, labels: {version: v1}}
        - {name: v2, labels: {version: v2}}
        """);

    /// <summary>A VirtualService sending <paramref name="v1"/>% to v1 and the rest to v2.</summary>
    private static string Split(int v1) => MeshYaml.VirtualService("frontend", $$"""
        - route:
          - {destination: {host: frontend, subset: v1}, weight: {{v1}}}
          - {destination: {host: frontend, subset: v2}, weight: {{100 - v1}}}
        """);

    private static async Task<KubeApiHarness> StartWithAsync(int v1)
    {
        var h = await KubeApiHarness.StartAsync();
        var applied = await h.Kubectl.RunAsync("apply", "-f", h.Manifest("mesh.yaml", MeshYaml.Join(Subsets, Split(v1))));
        Assert.True(applied.ExitCode == 0, applied.All);
        Assert.Contains("virtualservice.networking.istio.io/frontend created", applied.Out);
        Assert.Contains("destinationrule.networking.istio.io/frontend created", applied.Out);
        return h;
    }

    [Fact]
    public async Task Apply_get_and_yaml_show_the_object_and_the_proxy_follows_each_apply()
    {
        await using var h = await StartWithAsync(v1: 100);
        Assert.StartsWith("200 frontend v1\n", await h.UntilServesAsync("frontend", "frontend v1"));
        Assert.True(File.Exists(Path.Combine(h.ConfigDirectory, "default", "virtualservice-frontend.yaml")));

        var get = await h.Kubectl.RunAsync("get", "vs");
        Assert.Equal(0, get.ExitCode);
        Assert.Matches(@"NAME\s+GATEWAYS\s+HOSTS\s+AGE", get.Out);
        Assert.Matches(@"frontend\s+\[""frontend""\]", get.Out);

        var changed = await h.Kubectl.RunAsync("apply", "-f", h.Manifest("vs.yaml", Split(0)));
        Assert.True(changed.ExitCode == 0, changed.All);
        Assert.Contains("virtualservice.networking.istio.io/frontend configured", changed.Out);
        Assert.StartsWith("200 frontend v2\n", await h.UntilServesAsync("frontend", "frontend v2"));

        var yaml = await h.Kubectl.RunAsync("get", "vs", "frontend", "-o", "yaml");
        Assert.Contains("kind: VirtualService", yaml.Out);
        Assert.Contains("weight: 100", yaml.Out);
        Assert.Contains("generation: 2", yaml.Out);
        Assert.Matches(@"resourceVersion: ""\d+""", yaml.Out);

        var again = await h.Kubectl.RunAsync("apply", "-f", h.Manifest("vs.yaml", Split(0)));
        Assert.Contains("virtualservice.networking.istio.io/frontend unchanged", again.Out);
    }

    [Fact]
    public async Task An_invalid_resource_is_refused_by_the_webhook_naming_the_field_and_nothing_changes()
    {
        await using var h = await StartWithAsync(v1: 100);
        var before = File.ReadAllText(Path.Combine(h.ConfigDirectory, "default", "virtualservice-frontend.yaml"));
        var bad = Split(100).Replace("weight: 0", "weight: -5");

        var refused = await h.Kubectl.RunAsync("apply", "-f", h.Manifest("bad.yaml", bad));

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("admission webhook \"validation.istio.io\" denied the request: configuration is invalid: spec.http[0].route[1].weight: weight -5 < 0", refused.Err);
        Assert.Equal(before, File.ReadAllText(Path.Combine(h.ConfigDirectory, "default", "virtualservice-frontend.yaml")));
        Assert.StartsWith("200 frontend v1\n", await h.GetAsync("frontend"));

        var created = await h.Kubectl.RunAsync("create", "-f", h.Manifest("typo.yaml", MeshYaml.VirtualService("other", """
            - rout:
              - destination: {host: frontend}
            """)));
        Assert.Equal(1, created.ExitCode);
        Assert.Contains("spec.http[0].rout: unknown field \"rout\"; did you mean \"route\"?", created.Err);
        Assert.Contains("NotFound", (await h.Kubectl.RunAsync("get", "vs", "other")).Err);
    }

    [Fact]
    public async Task Dry_run_server_and_diff_change_nothing()
    {
        await using var h = await StartWithAsync(v1: 100);
        Assert.StartsWith("200 frontend v1\n", await h.UntilServesAsync("frontend", "frontend v1"));
        var manifest = h.Manifest("vs.yaml", Split(0));

        var dry = await h.Kubectl.RunAsync("apply", "-f", manifest, "--dry-run=server");
        Assert.True(dry.ExitCode == 0, dry.All);
        Assert.Contains("virtualservice.networking.istio.io/frontend configured (server dry run)", dry.Out);
        var refusedDry = await h.Kubectl.RunAsync("apply", "-f", h.Manifest("bad.yaml", Split(100).Replace("weight: 0", "weight: -5")), "--dry-run=server");
        Assert.Contains("denied the request", refusedDry.Err);

        var diff = await h.Kubectl.RunAsync("diff", "-f", manifest);
        Assert.Equal(1, diff.ExitCode);
        Assert.Contains("-      weight: 100", diff.Out);
        Assert.Contains("+      weight: 100", diff.Out);
        Assert.Contains("+      weight: 0", diff.Out);

        var yaml = await h.Kubectl.RunAsync("get", "vs", "frontend", "-o", "jsonpath={.spec.http[0].route[0].weight}");
        Assert.Equal("100", yaml.Out);
        Assert.Equal(0, (await h.Kubectl.RunAsync("diff", "-f", h.Manifest("same.yaml", Split(100)))).ExitCode);
        // Nothing moved: every request still goes to v1.
        for (var i = 0; i < 10; i++) Assert.StartsWith("200 frontend v1\n", await h.GetAsync("frontend"));
    }

    [Fact]
    public async Task Server_side_apply_owns_its_fields_and_conflicts_with_another_manager_until_forced()
    {
        await using var h = await KubeApiHarness.StartAsync();
        var ssa = await h.Kubectl.RunAsync("apply", "--server-side", "-f", h.Manifest("mesh.yaml", MeshYaml.Join(Subsets, Split(100))));
        Assert.True(ssa.ExitCode == 0, ssa.All);
        Assert.Contains("virtualservice.networking.istio.io/frontend serverside-applied", ssa.Out);
        Assert.StartsWith("200 frontend v1\n", await h.UntilServesAsync("frontend", "frontend v1"));
        var fields = await h.Kubectl.RunAsync("get", "vs", "frontend", "-o", "yaml", "--show-managed-fields");
        Assert.Contains("manager: kubectl", fields.Out);
        Assert.Contains("operation: Apply", fields.Out);

        // Another manager takes spec.http; the first apply's next change conflicts with it.
        var patch = await h.Kubectl.RunAsync("patch", "vs", "frontend", "--type=merge", "--field-manager=ops",
            "-p", """{"spec":{"http":[{"route":[{"destination":{"host":"frontend","subset":"v2"}}]}]}}""");
        Assert.True(patch.ExitCode == 0, patch.All);
        Assert.StartsWith("200 frontend v2\n", await h.UntilServesAsync("frontend", "frontend v2"));
        var conflict = await h.Kubectl.RunAsync("apply", "--server-side", "-f", h.Manifest("vs.yaml", Split(100)));
        Assert.Equal(1, conflict.ExitCode);
        Assert.Contains("conflict with \"ops\"", conflict.Err);
        Assert.Contains(".spec.http", conflict.Err);

        var forced = await h.Kubectl.RunAsync("apply", "--server-side", "--force-conflicts", "-f", h.Manifest("vs.yaml", Split(100)));
        Assert.True(forced.ExitCode == 0, forced.All);
        Assert.StartsWith("200 frontend v1\n", await h.UntilServesAsync("frontend", "frontend v1"));
    }

    [Fact]
    public async Task Delete_removes_the_file_and_the_route_and_get_w_streams_every_change()
    {
        await using var h = await StartWithAsync(v1: 100);
        Assert.StartsWith("200 frontend v1\n", await h.UntilServesAsync("frontend", "frontend v1"));
        using var watch = h.Kubectl.Watch("get", "vs", "-w", "--output-watch-events");
        Assert.True(await Eventually.TrueAsync(() => watch.Output.Contains("ADDED")), watch.Output);

        Assert.Equal(0, (await h.Kubectl.RunAsync("apply", "-f", h.Manifest("vs.yaml", Split(50)))).ExitCode);
        Assert.True(await Eventually.TrueAsync(() => watch.Output.Contains("MODIFIED")), watch.Output);

        var deleted = await h.Kubectl.RunAsync("delete", "-f", h.Manifest("vs.yaml", Split(50)));
        Assert.True(deleted.ExitCode == 0, deleted.All);
        Assert.Contains("virtualservice.networking.istio.io \"frontend\" deleted", deleted.Out);
        Assert.True(await Eventually.TrueAsync(() => watch.Output.Contains("DELETED")), watch.Output);
        Assert.False(File.Exists(Path.Combine(h.ConfigDirectory, "default", "virtualservice-frontend.yaml")));
        Assert.Contains("No resources found", (await h.Kubectl.RunAsync("get", "vs")).Err);

        // Without the VirtualService the service's default route balances over both versions.
        Assert.StartsWith("200 frontend v2\n", await h.UntilServesAsync("frontend", "frontend v2"));
    }
}
