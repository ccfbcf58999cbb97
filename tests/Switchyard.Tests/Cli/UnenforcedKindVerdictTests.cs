using Switchyard.Cli.Commands;
using Switchyard.Tests.Sources;

namespace Switchyard.Tests.Cli;

/// <summary>
/// Kinds Switchyard does not enforce (AuthorizationPolicy, Sidecar, Gateway API routes) through
/// the real command tree: each is a warning naming the kind and file:line, and input that holds
/// no Istio resource Switchyard enforces is never "✔ 0 resources valid" (which a CI step would
/// take for a pass): it is refused as empty input is, naming what was read instead.
/// </summary>
public class UnenforcedKindVerdictTests
{
    private const string Policy = "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: x, namespace: default}\nspec: {action: DENY}\n";
    private const string Route = "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r, namespace: default}\nspec: {}\n";
    private const string Service = "apiVersion: v1\nkind: Service\nmetadata: {name: frontend, namespace: default}\nspec:\n  ports: [{port: 80, name: http}]\n";
    private const string VirtualService = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: frontend, namespace: default}\nspec:\n  hosts: [frontend]\n  http:\n  - route: [{destination: {host: frontend}}]\n";

    [Fact]
    public void Validate_of_only_an_AuthorizationPolicy_names_it_and_claims_nothing_valid()
    {
        using var dir = new ConfigDirectory();
        var file = dir.Write("policy.yaml", Policy);
        var r = CliRunner.Run("validate", "-f", file);

        Assert.Equal(ValidateCommand.ExitUsage, r.ExitCode);
        Assert.Equal([$"WARNING {file}:1 AuthorizationPolicy default/x: AuthorizationPolicy security.istio.io/v1 is not enforced by Switchyard; ignored"], r.OutLines);
        Assert.DoesNotContain("✔", r.Out + r.Err);
        Assert.Equal($"error: no objects passed to validate: no VirtualService, DestinationRule, ServiceEntry, WorkloadEntry or Gateway in {file} (1 file(s) read); "
            + $"1 resource of a kind Switchyard does not enforce: AuthorizationPolicy default/x ({file}:1)", r.Err.Trim());
    }

    [Fact]
    public void Validate_of_unenforced_kinds_beside_Kubernetes_resources_is_not_valid_either()
    {
        using var dir = new ConfigDirectory();
        dir.Write("policy.yaml", Policy + "---\n" + Route);
        dir.Write("service.yaml", Service);
        var r = CliRunner.Run("validate", "-f", dir.Root);

        Assert.Equal(ValidateCommand.ExitUsage, r.ExitCode);
        Assert.Equal(2, r.OutLines.Length);
        Assert.Contains(r.OutLines, l => l.StartsWith($"WARNING {dir.PathOf("policy.yaml")}:6 HTTPRoute default/r: HTTPRoute gateway.networking.k8s.io/v1 is not enforced", StringComparison.Ordinal));
        Assert.DoesNotContain("✔", r.Out + r.Err);
        Assert.Equal($"error: no objects passed to validate: no VirtualService, DestinationRule, ServiceEntry, WorkloadEntry or Gateway in {dir.Root} (2 file(s) read); "
            + $"2 resources of a kind Switchyard does not enforce: AuthorizationPolicy default/x ({dir.PathOf("policy.yaml")}:1), HTTPRoute default/r ({dir.PathOf("policy.yaml")}:6); "
            + "read only as cluster state: 1 Service", r.Err.Trim());
    }

    [Fact]
    public void Validate_of_a_VirtualService_beside_a_policy_is_valid_with_the_policy_named_as_a_warning()
    {
        using var dir = new ConfigDirectory();
        var policy = dir.Write("policy.yaml", Policy);
        dir.Write("vs.yaml", VirtualService);
        var r = CliRunner.Run("validate", "-f", dir.Root);

        Assert.Equal(ValidateCommand.ExitValid, r.ExitCode);
        Assert.Equal([$"WARNING {policy}:1 AuthorizationPolicy default/x: AuthorizationPolicy security.istio.io/v1 is not enforced by Switchyard; ignored",
            "✔ 1 Istio resource(s) in 2 file(s) valid, 1 warning(s)"], r.OutLines);
    }

    [Fact]
    public void Analyze_of_only_a_policy_names_it_and_exits_64()
    {
        using var dir = new ConfigDirectory();
        var file = dir.Write("policy.yaml", Policy);
        var r = CliRunner.Run("analyze", "--use-kube=false", file);

        Assert.Equal(AnalyzeCommand.ExitUsage, r.ExitCode);
        Assert.DoesNotContain("No validation issues", r.Err);
        Assert.Equal($"error: no objects passed to analyze: no VirtualService, DestinationRule, ServiceEntry, WorkloadEntry or Gateway in {file} (1 file(s) read); "
            + $"1 resource of a kind Switchyard does not enforce: AuthorizationPolicy default/x ({file}:1)", r.Err.Trim());
    }

    [Fact]
    public void Analyze_names_each_resource_it_did_not_analyze_on_stderr_and_keeps_json_clean()
    {
        using var dir = new ConfigDirectory();
        var policy = dir.Write("policy.yaml", Policy);
        dir.Write("service.yaml", Service);
        var r = CliRunner.Run("analyze", "-o", "json", dir.Root);

        Assert.Equal(AnalyzeCommand.ExitOk, r.ExitCode);
        Assert.Equal("[]", r.Out.Trim());
        Assert.Contains($"Warning: AuthorizationPolicy default/x ({policy}:1) was not analyzed: AuthorizationPolicy security.istio.io/v1 is not enforced by Switchyard; ignored",
            r.Err.Split('\n', StringSplitOptions.TrimEntries));
    }
}
