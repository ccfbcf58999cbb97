using Switchyard.Cli;

namespace Switchyard.Tests.Cli;

public class AnalyzeBrokenExampleTests
{
    private static (int Exit, string Out, string Err) Analyze(string example)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "examples", example);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(["analyze", path], stdout, stderr, new StringReader(""));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Analyze_broken_example_reports_the_missing_subset_with_a_hint_and_exits_79()
    {
        var (exit, stdout, stderr) = Analyze("broken");

        Assert.Equal(79, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var file = Path.Combine(AppContext.BaseDirectory, "examples", "broken", "missing-subset.yaml");
        var expected = $"Error [IST0101] (VirtualService default/frontend {file}:28) " +
                       "Referenced host+subset in destinationrule not found: \"frontend+v3\"";
        var index = lines.IndexOf(expected);
        Assert.True(index >= 0, $"expected line not found:\n{expected}\nin:\n{stdout}");
        Assert.Equal("  hint: DestinationRule default/frontend defines: v1, v2", lines[index + 1]);
        Assert.Contains("Error: Analyzers found issues when analyzing namespace: default.", stderr);
    }

    [Fact]
    public void Analyze_frontend_example_finds_no_issues_and_exits_0()
    {
        var (exit, stdout, stderr) = Analyze("frontend");

        Assert.Equal(0, exit);
        Assert.Equal("", stdout);
        Assert.Contains("No validation issues found when analyzing namespace: default.", stderr);
    }
}
