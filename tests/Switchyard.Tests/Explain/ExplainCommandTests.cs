using System.Text.Json;
using Switchyard.Tests.Cli;
using Switchyard.Tests.Sources;

namespace Switchyard.Tests.Explain;

/// <summary><c>switchyard explain</c> on the example scenarios and on rules that a request passes
/// by: the matching rule with file:line, the first failed condition of each earlier rule, the
/// destinations with weights and policy, and the broken example's missing subset with the subsets
/// that exist.</summary>
public class ExplainCommandTests
{
    [Fact]
    public void The_broken_examples_request_is_503_NC_naming_the_missing_subset_and_the_ones_that_exist()
    {
        var r = CliRunner.Run("explain", "-f", CliRunner.Example("broken"), "--host", "frontend");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("route: VirtualService default/frontend http[0] (", r.Out);
        Assert.Contains("missing-subset.yaml:", r.Out);
        Assert.Contains("verdict: 503 NC: subset v3 of host frontend.default.svc.cluster.local has no cluster", r.Out);
        // The hint analyze gives for the same mistake (IST0101).
        Assert.Contains("  hint: DestinationRule default/frontend defines: v1, v2\n", r.Out);

        var json = JsonDocument.Parse(CliRunner.Run("explain", "-f", CliRunner.Example("broken"), "--host", "frontend", "-o", "json").Out).RootElement;
        Assert.Equal("NC", json.GetProperty("verdict").GetProperty("responseFlags").GetString());
        Assert.Equal("v3", json.GetProperty("destinations")[0].GetProperty("subset").GetString());
        Assert.False(json.GetProperty("destinations")[0].GetProperty("exists").GetBoolean());
    }

    [Fact]
    public void The_frontend_example_splits_50_50_over_the_pods_of_each_Deployment_with_Istios_default_retries()
    {
        var r = CliRunner.Run("explain", "-f", CliRunner.Example("frontend"), "--host", "frontend", "--path", "/api");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("  ✔ http[0] split (", r.Out);
        Assert.Contains("destination: frontend.default.svc.cluster.local subset v1  weight 50%  cluster outbound|80|v1|frontend.default.svc.cluster.local\n", r.Out);
        Assert.Contains("destination: frontend.default.svc.cluster.local subset v2  weight 50%", r.Out);
        Assert.Contains("selects the pods of Deployment default/frontend-v1\n", r.Out);
        Assert.Contains("load balancer: {\"algorithm\":\"RoundRobin\"", r.Out);
        Assert.Contains("retries: 2 on connect-failure,refused-stream,retriable-status-codes,cancelled,unavailable, status 503 (Istio's default)", r.Out);
        Assert.Contains("verdict: 200: forwarded to", r.Out);
    }

    [Fact]
    public void Earlier_rules_say_which_condition_failed_and_source_labels_choose_the_rule()
    {
        using var dir = new ConfigDirectory();
        dir.Write("mesh.yaml", """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: shop, namespace: default}
            spec:
              hosts: [shop.example.com]
              ports: [{number: 80, name: http, protocol: HTTP}]
              resolution: STATIC
              endpoints:
              - {address: 10.0.0.1, labels: {version: v1}}
              - {address: 10.0.0.2, labels: {version: v2}}
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: shop, namespace: default}
            spec:
              host: shop.example.com
              subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: shop, namespace: default}
            spec:
              hosts: [shop.example.com]
              http:
              - name: jason
                match: [{headers: {end-user: {exact: jason}}}]
                route: [{destination: {host: shop.example.com, subset: v2}}]
              - name: canary-pods
                match: [{sourceLabels: {track: canary}}]
                route: [{destination: {host: shop.example.com, subset: v2}}]
              - name: api
                match: [{uri: {prefix: /api}}]
                route: [{destination: {host: shop.example.com, subset: v1}}]
                timeout: 2s
            """);
        var r = CliRunner.Run("explain", "-f", dir.Root, "--host", "shop.example.com", "--path", "/api/cart", "-H", "end-user=bob");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("  ✘ http[0] jason (", r.Out);
        Assert.Contains("      match[0]: header end-user exact \"jason\" does not hold\n", r.Out);
        Assert.Contains("  ✘ http[1] canary-pods (", r.Out);
        Assert.Contains("  ✔ http[2] api (", r.Out);
        Assert.Contains("mesh.yaml:", r.Out);
        Assert.Contains("endpoints: 10.0.0.1:80 {version: v1}\n", r.Out);
        Assert.Contains("timeout: 2000ms", r.Out);

        var canary = CliRunner.Run("explain", "-f", dir.Root, "--host", "shop.example.com", "--source-labels", "track=canary");
        Assert.Contains("  ✔ http[1] canary-pods (", canary.Out);
        Assert.Contains("endpoints: 10.0.0.2:80 {version: v2}\n", canary.Out);

        var none = CliRunner.Run("explain", "-f", dir.Root, "--host", "shop.example.com", "--path", "/home");
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("      match[0]: uri prefix \"/api\" (the path is \"/home\") does not hold\n", none.Out);
        Assert.Contains("verdict: 404 NR: no rule of shop.example.com matches the request", none.Out);
    }

    [Fact]
    public void An_unknown_host_is_404_NR_with_the_nearest_known_hosts()
    {
        var r = CliRunner.Run("explain", "-f", CliRunner.Example("frontend"), "--host", "frontnd");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("verdict: 404 NR: no VirtualService or Service knows host \"frontnd\"", r.Out);
        Assert.Contains("  hint: nearest hosts: frontend, ", r.Out);
    }

    [Fact]
    public void Unreadable_input_is_exit_2()
    {
        var r = CliRunner.Run("explain", "-f", "/nonexistent/dir", "--host", "frontend");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: ", r.Err);
    }
}
