using Switchyard.Cli.Commands;
using Switchyard.Tests.Sources;

namespace Switchyard.Tests.Cli;

/// <summary>
/// istioctl analyze's habits, typed by people who know istioctl: <c>--use-kube=false</c> and
/// <c>-k=false</c> are accepted (files are all Switchyard reads), <c>-k</c> asking for a live
/// cluster is a clear usage error, and a directory is read one level deep unless
/// <c>-R</c>/<c>--recursive</c> (istioctl/pkg/analyze/analyze.go: gatherFilesInDirectory skips
/// subdirectories when recursive is false, its default).
/// </summary>
public class AnalyzeIstioctlFlagsTests
{
    [Theory]
    [InlineData("--use-kube=false")]
    [InlineData("--use-kube", "false")]
    [InlineData("-k=false")]
    [InlineData("--use-kube:false")]
    public void Use_kube_false_is_accepted_and_changes_nothing(params string[] flag)
    {
        var r = CliRunner.Run(["analyze", .. flag, CliRunner.Example("frontend")]);
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Equal("\u2714 No validation issues found when analyzing namespace: default.", r.Err.Trim());
    }

    [Theory]
    [InlineData("-k")]
    [InlineData("--use-kube")]
    [InlineData("--use-kube=true")]
    public void Asking_for_a_live_cluster_is_a_usage_error_that_says_so(string flag)
    {
        var r = CliRunner.Run("analyze", flag, CliRunner.Example("frontend"));
        Assert.Equal(AnalyzeCommand.ExitUsage, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.StartsWith("error: --use-kube: analyzing a live cluster is not supported yet", r.Err);
        Assert.Single(r.Err.Trim().Split('\n'));
    }

    private static ConfigDirectory Nested()
    {
        var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", ConfigDirectory.Reviews(50, 50));
        // One level down: an invalid weight, found only when subdirectories are read.
        dir.Write(Path.Combine("team-b", "ratings.yaml"), ConfigDirectory.Reviews(-1, 100, name: "ratings").Replace("[reviews]", "[ratings]"));
        return dir;
    }

    [Fact]
    public void A_directory_is_read_one_level_deep_by_default()
    {
        using var dir = Nested();
        var r = CliRunner.Run("analyze", "--analyzer", "schema.ValidationAnalyzer.VirtualService", dir.Root);
        Assert.True(r.ExitCode == 0, r.Out + r.Err);
        Assert.DoesNotContain("team-b", r.Out);
    }

    [Theory]
    [InlineData("-R")]
    [InlineData("--recursive")]
    public void Recursive_reads_subdirectories_too(string flag)
    {
        using var dir = Nested();
        var r = CliRunner.Run("analyze", "--analyzer", "schema.ValidationAnalyzer.VirtualService", flag, dir.Root);
        Assert.Equal(AnalyzeCommand.ExitIssues, r.ExitCode);
        var file = dir.PathOf(Path.Combine("team-b", "ratings.yaml"));
        Assert.Contains(r.OutLines, l => l.StartsWith($"Error [IST0106] (VirtualService default/ratings {file}:", StringComparison.Ordinal)
                                         && l.EndsWith("weight -1 < 0", StringComparison.Ordinal));
    }

    [Fact]
    public void A_directory_whose_config_is_all_in_subdirectories_says_to_use_R()
    {
        using var dir = new ConfigDirectory();
        dir.Write(Path.Combine("team-a", "reviews.yaml"), ConfigDirectory.Reviews(50, 50));
        var r = CliRunner.Run("analyze", dir.Root);
        Assert.Equal(AnalyzeCommand.ExitUsage, r.ExitCode);
        Assert.Equal($"error: no objects passed to analyze: no resources in {dir.Root} (0 file(s) read); subdirectories are read only with -R", r.Err.Trim());

        Assert.Equal(0, CliRunner.Run("analyze", "-R", "--analyzer", "schema.ValidationAnalyzer.VirtualService", dir.Root).ExitCode);
    }
}
