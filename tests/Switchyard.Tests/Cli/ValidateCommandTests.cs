using System.Text.Json;

namespace Switchyard.Tests.Cli;

public class ValidateCommandTests
{
    [Fact]
    public void Frontend_example_is_valid_and_exits_0()
    {
        var r = CliRunner.Run("validate", "-f", CliRunner.Example("frontend"));
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("ERROR", r.Out);
        Assert.Contains("valid", r.OutLines[^1]);
    }

    [Fact]
    public void Broken_example_exits_1_naming_file_line_resource_and_field_of_each_problem()
    {
        var r = CliRunner.Run("validate", "-f", CliRunner.Example("broken"));
        Assert.Equal(1, r.ExitCode);
        var lines = r.OutLines;
        Assert.Contains(lines, l => l.StartsWith("ERROR ") && l.Contains("typo-field.yaml:13 VirtualService default/catalog spec.http[0].rout: unknown field \"rout\"; did you mean \"route\"?"));
        Assert.Contains(lines, l => l.StartsWith("ERROR ") && l.Contains("zero-weights.yaml:") && l.Contains("VirtualService default/checkout spec.http[0].route"));
        Assert.Contains(lines, l => l.StartsWith("ERROR ") && l.Contains("bad-regex.yaml:12 VirtualService default/search spec.http[0].match[0].uri.regex"));
        // The missing subset needs the DestinationRule too: that is analyze's job, not validate's.
        Assert.DoesNotContain(lines, l => l.Contains("missing-subset.yaml"));
    }

    [Fact]
    public void Json_output_is_an_array_with_file_line_kind_and_field()
    {
        var r = CliRunner.Run("validate", "-o", "json", "-f", CliRunner.Example("broken", "typo-field.yaml"));
        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var row = Assert.Single(doc.RootElement.EnumerateArray(), r => r.GetProperty("field").GetString() == "spec.http[0].rout");
        Assert.Equal("Error", row.GetProperty("level").GetString());
        Assert.Equal(13, row.GetProperty("line").GetInt32());
        Assert.Equal("VirtualService", row.GetProperty("kind").GetString());
        Assert.Equal("spec.http[0].rout", row.GetProperty("field").GetString());
    }

    [Fact]
    public void Stdin_is_read_with_a_dash_and_named_dash_in_messages()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1beta1
            kind: DestinationRule
            metadata:
              name: reviews
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  simple: ROUND_ROBBIN
            """;
        var r = CliRunner.RunWithStdin(yaml, "validate", "-f", "-");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("ERROR -:9 DestinationRule default/reviews spec.trafficPolicy.loadBalancer.simple: unknown value \"ROUND_ROBBIN\"; did you mean \"ROUND_ROBIN\"?", r.Out);
    }

    [Fact]
    public void Namespace_option_applies_to_resources_without_one()
    {
        const string yaml = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: a\nspec:\n  hosts: [a]\n  http:\n  - rout: []\n";
        var r = CliRunner.RunWithStdin(yaml, "validate", "-n", "shop", "-f", "-");
        Assert.Contains("VirtualService shop/a", r.Out);
    }

    [Fact]
    public void Missing_file_is_a_usage_error_with_exit_2_and_no_stack_trace()
    {
        var r = CliRunner.Run("validate", "-f", "/nonexistent/x.yaml");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no such file or directory: /nonexistent/x.yaml", r.Err);
        Assert.DoesNotContain("   at ", r.Err);
    }

    [Fact]
    public void Missing_filename_option_is_a_usage_error_with_exit_2()
    {
        var r = CliRunner.Run("validate");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--filename", r.Err);
    }

    [Fact]
    public void Unparseable_yaml_is_invalid_with_exit_1_and_its_line()
    {
        var r = CliRunner.RunWithStdin("kind: [unclosed\n", "validate", "-f", "-");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("ERROR -:", r.Out);
        Assert.Contains("YAML syntax error", r.Out);
    }

    [Fact]
    public void Help_describes_every_option()
    {
        var r = CliRunner.Run("validate", "--help");
        Assert.Equal(0, r.ExitCode);
        foreach (var option in new[] { "--filename", "-f", "--namespace", "-n", "--output", "-o" })
            Assert.Contains(option, r.Out);
        var root = CliRunner.Run("--help");
        Assert.Contains("validate", root.Out);
        Assert.Contains("analyze", root.Out);
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var r = CliRunner.Run("--version");
        Assert.Equal("", r.Err);
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("0.1.0", r.Out.Trim());
    }
}
