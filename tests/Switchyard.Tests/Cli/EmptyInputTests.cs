using Switchyard.Cli.Commands;
using Switchyard.Tests.Sources;

namespace Switchyard.Tests.Cli;

/// <summary>
/// Input without a single resource (an empty directory, a file of comments, empty stdin) is an
/// error, as kubectl's "error: no objects passed to apply": never "✔ 0 resources valid" or
/// "No validation issues", which a CI step pointed at the wrong path would take for success.
/// </summary>
public class EmptyInputTests
{
    private const string CommentsOnly = "# nothing here yet\n# apiVersion: networking.istio.io/v1\n---\n# kind: VirtualService\n";

    [Fact]
    public void Validate_of_an_empty_directory_is_one_error_line_and_exit_2()
    {
        using var dir = new ConfigDirectory();
        var r = CliRunner.Run("validate", "-f", dir.Root);
        Assert.Equal(ValidateCommand.ExitUsage, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Equal($"error: no objects passed to validate: no resources in {dir.Root} (0 file(s) read)", r.Err.Trim());
    }

    [Fact]
    public void Validate_of_a_file_with_only_comments_is_an_error_not_valid()
    {
        using var dir = new ConfigDirectory();
        var file = dir.Write("todo.yaml", CommentsOnly);
        var r = CliRunner.Run("validate", "-f", file);
        Assert.Equal(ValidateCommand.ExitUsage, r.ExitCode);
        Assert.DoesNotContain("✔", r.Out);
        Assert.DoesNotContain("valid", r.Out);
        Assert.Equal($"error: no objects passed to validate: no resources in {file} (1 file(s) read)", r.Err.Trim());
    }

    [Fact]
    public void Validate_of_empty_stdin_is_an_error()
    {
        var r = CliRunner.RunWithStdin("", "validate", "-f", "-");
        Assert.Equal(ValidateCommand.ExitUsage, r.ExitCode);
        Assert.StartsWith("error: no objects passed to validate: no resources in -", r.Err);
    }

    [Fact]
    public void Validate_json_of_empty_input_prints_an_empty_array_and_still_fails()
    {
        using var dir = new ConfigDirectory();
        dir.Write("todo.yaml", CommentsOnly);
        var r = CliRunner.Run("validate", "-o", "json", "-f", dir.Root);
        Assert.Equal(ValidateCommand.ExitUsage, r.ExitCode);
        Assert.Equal("[]", r.Out.Trim());
        Assert.StartsWith("error: no objects passed to validate", r.Err);
    }

    [Fact]
    public void A_file_that_does_not_parse_is_reported_as_itself_not_as_empty()
    {
        using var dir = new ConfigDirectory();
        var file = dir.Write("bad.yaml", "kind: [unclosed\n");
        var r = CliRunner.Run("validate", "-f", file);
        Assert.Equal(ValidateCommand.ExitInvalid, r.ExitCode);
        Assert.DoesNotContain("no objects", r.Err);
    }

    [Fact]
    public void Analyze_of_an_empty_directory_or_comments_is_an_error_with_exit_64()
    {
        using var dir = new ConfigDirectory();
        var empty = CliRunner.Run("analyze", dir.Root);
        Assert.Equal(AnalyzeCommand.ExitUsage, empty.ExitCode);
        Assert.Equal($"error: no objects passed to analyze: no resources in {dir.Root} (0 file(s) read)", empty.Err.Trim());
        Assert.DoesNotContain("No validation issues", empty.Err);

        var file = dir.Write("todo.yaml", CommentsOnly);
        var comments = CliRunner.Run("analyze", "--use-kube=false", file);
        Assert.Equal(AnalyzeCommand.ExitUsage, comments.ExitCode);
        Assert.Equal($"error: no objects passed to analyze: no resources in {file} (1 file(s) read)", comments.Err.Trim());
    }
}
