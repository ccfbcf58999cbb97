using System.Text.Json;

namespace Switchyard.Tests.Cli.ProxyConfig;

/// <summary><c>switchyard proxy-config</c> on the example scenarios, translated offline (<c>-f</c>):
/// istioctl's columns and alignment, the filters, <c>-o json|yaml</c>, and the broken example's
/// missing subset, which has no cluster.</summary>
public class ProxyConfigOfflineTests
{
    [Fact]
    public void Clusters_of_examples_local_are_istioctls_table()
    {
        var r = CliRunner.Run("proxy-config", "clusters", "-f", CliRunner.Example("local"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("""
            SERVICE FQDN                           PORT     SUBSET     DIRECTION     TYPE     DESTINATION RULE
            frontend.default.svc.cluster.local     80       -          outbound      EDS      frontend.default
            frontend.default.svc.cluster.local     80       v1         outbound      EDS      frontend.default
            frontend.default.svc.cluster.local     80       v2         outbound      EDS      frontend.default

            """.ReplaceLineEndings("\n"), r.Out);
    }

    [Fact]
    public void Routes_and_endpoints_of_examples_local()
    {
        var routes = CliRunner.Run("pc", "routes", "-f", CliRunner.Example("local"));
        Assert.Equal(0, routes.ExitCode);
        Assert.Equal(["NAME     VHOST NAME                                DOMAINS                                    MATCH     VIRTUAL SERVICE",
            "80       frontend.default.svc.cluster.local:80     frontend, frontend.default + 1 more...     /*        frontend.default"], routes.OutLines);

        var endpoints = CliRunner.Run("pc", "endpoints", "-f", CliRunner.Example("local"), "--cluster", "outbound|80|v2|frontend.default.svc.cluster.local");
        Assert.Equal(["ENDPOINT           STATUS      OUTLIER CHECK     CLUSTER",
            "127.0.0.1:8082     HEALTHY     OK                outbound|80|v2|frontend.default.svc.cluster.local"], endpoints.OutLines);
    }

    [Fact]
    public void The_broken_examples_subset_v3_has_no_cluster_while_its_route_names_one()
    {
        var clusters = CliRunner.Run("pc", "clusters", "-f", CliRunner.Example("broken"), "--fqdn", "frontend.default.svc.cluster.local");
        Assert.Equal(0, clusters.ExitCode);
        Assert.Equal(["-", "v1", "v2"], clusters.OutLines.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2]));

        var routes = CliRunner.Run("pc", "routes", "-f", CliRunner.Example("broken"), "-o", "json");
        var frontend = JsonDocument.Parse(routes.Out).RootElement.EnumerateArray().Single(r => r.GetProperty("resource").GetString() == "VirtualService default/frontend");
        Assert.Equal("outbound|80|v3|frontend.default.svc.cluster.local", frontend.GetProperty("destinations")[0].GetProperty("cluster").GetString());
    }

    [Fact]
    public void Filters_narrow_the_clusters_and_yaml_prints_the_same_clusters()
    {
        var v1 = CliRunner.Run("pc", "clusters", "-f", CliRunner.Example("frontend"), "--subset", "v1", "--port", "80");
        Assert.Equal(2, v1.OutLines.Length);
        Assert.Contains(" v1 ", v1.OutLines[1]);
        Assert.Single(CliRunner.Run("pc", "clusters", "-f", CliRunner.Example("frontend"), "--port", "81").OutLines);

        var yaml = CliRunner.Run("pc", "clusters", "-f", CliRunner.Example("frontend"), "--subset", "v1", "-o", "yaml");
        Assert.StartsWith("- endpoints: []\n", yaml.Out);
        Assert.Contains("\n  name: \"outbound|80|v1|frontend.default.svc.cluster.local\"\n", yaml.Out);
        Assert.Contains("\n  subset: v1\n", yaml.Out);
    }

    [Fact]
    public void An_unreadable_or_foreign_dump_is_one_line_and_exit_1()
    {
        using var dir = new Sources.ConfigDirectory();
        var missing = CliRunner.Run("pc", "clusters", "--file", Path.Combine(dir.Root, "nope.json"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Single(missing.Err.Trim().Split('\n'));
        Assert.StartsWith("error: cannot read ", missing.Err);

        dir.Write("half.json", "{\"clusters\": [");
        var half = CliRunner.Run("pc", "clusters", "--file", Path.Combine(dir.Root, "half.json"));
        Assert.Equal(1, half.ExitCode);
        Assert.Contains("not JSON", half.Err);
        Assert.DoesNotContain("   at ", half.Err);

        dir.Write("other.json", "{\"configs\": []}");
        var other = CliRunner.Run("pc", "routes", "--file", Path.Combine(dir.Root, "other.json"));
        Assert.Equal(1, other.ExitCode);
        Assert.Contains("not a Switchyard config dump", other.Err);
    }
}
