using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Switchyard.Tests.Cli;

/// <summary>
/// The README's tour as a newcomer types it: every <c>validate</c>, <c>analyze</c> and help line
/// of its command block runs through the real command tree (on the examples shipped beside the
/// tests) and ends with the exit code its comment promises; the install line names the package
/// and command the CLI project packs. The long-running lines (<c>demo</c>, <c>echo</c>,
/// <c>run</c>, curl) have their own tests: DemoCommandTests, DemoHintsTests, RunLocalExampleTests.
/// </summary>
public partial class ReadmeTourTests
{
    private static readonly string Root = RepositoryRoot();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "README.md")) && File.Exists(Path.Combine(dir.FullName, "Switchyard.sln"))) return dir.FullName;
        throw new InvalidOperationException("README.md not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The lines of the tour's code blocks (between "## A short tour" and the next heading).</summary>
    private static List<string> TourLines()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var start = readme.IndexOf("## A short tour", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no \"## A short tour\"");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var tour = readme[start..(end < 0 ? readme.Length : end)];
        return [.. Fence().Matches(tour).SelectMany(m => m.Groups[1].Value.Split('\n')).Select(l => l.Trim()).Where(l => l.Length > 0)];
    }

    [GeneratedRegex("```sh\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"exit (\d+)")]
    private static partial Regex PromisedExit();

    public static TheoryData<string> JudgingLines() =>
        [.. TourLines().Where(l => Regex.IsMatch(l, @"^(cat \S+ \| )?switchyard (validate|analyze|--help)"))];

    [Theory]
    [MemberData(nameof(JudgingLines))]
    public void A_tour_line_ends_with_the_exit_code_its_comment_promises(string line)
    {
        var hash = line.IndexOf(" #", StringComparison.Ordinal);
        var (command, comment) = hash < 0 ? (line, "") : (line[..hash].Trim(), line[(hash + 2)..]);
        var stdin = "";
        if (command.StartsWith("cat ", StringComparison.Ordinal))
        {
            var pipe = command.IndexOf(" | ", StringComparison.Ordinal);
            stdin = File.ReadAllText(Path.Combine(Root, command[4..pipe]));
            command = command[(pipe + 3)..];
        }
        // The examples as the repository holds them; paths in messages are absolute here.
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(a => a.StartsWith("examples", StringComparison.Ordinal) ? Path.Combine(Root, a) : a).ToArray();

        var r = CliRunner.RunWithStdin(stdin, args);

        var promised = PromisedExit().Match(comment) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : comment.Contains('✔') || args is ["--help"] || args.Contains("-L") ? 0
            : -1;
        if (promised >= 0) Assert.True(promised == r.ExitCode, $"{line}\nexit {r.ExitCode}, promised {promised}\n{r.Out}\n{r.Err}");
        // Lines whose comment promises no code ("the same as a JSON array") are at least no usage error.
        else Assert.DoesNotContain(r.ExitCode, new[] { 2, 64 });
        if (comment.Contains('✔')) Assert.Contains("✔", r.Out + r.Err);
    }

    [Fact]
    public void The_tour_covers_validate_analyze_and_help()
    {
        var lines = JudgingLines().Select(row => (string)row.Data).ToList();
        Assert.Contains(lines, l => l.StartsWith("switchyard validate -f examples/broken ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("switchyard analyze --use-kube=false -R", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("cat ", StringComparison.Ordinal));
        Assert.True(lines.Count >= 9, string.Join('\n', lines));
    }

    [Fact]
    public void The_install_line_names_the_package_and_command_the_CLI_project_packs()
    {
        var install = Assert.Single(TourLines(), l => l.StartsWith("dotnet pack ", StringComparison.Ordinal));
        Assert.Equal("dotnet pack src/Switchyard.Cli -o artifacts && dotnet tool install --global --add-source artifacts Switchyard.Cli", install);
        var project = XDocument.Load(Path.Combine(Root, "src", "Switchyard.Cli", "Switchyard.Cli.csproj"));
        string? Property(string name) => project.Descendants(name).FirstOrDefault()?.Value;
        Assert.Equal("true", Property("PackAsTool"));
        Assert.Equal("Switchyard.Cli", Property("PackageId"));
        Assert.Equal("switchyard", Property("ToolCommandName"));
    }
}
