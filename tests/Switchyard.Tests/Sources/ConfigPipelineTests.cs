using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Sources;
using Switchyard.Tests.Cli;
using static Switchyard.Tests.Sources.ConfigDirectory;

namespace Switchyard.Tests.Sources;

/// <summary>
/// One load → admit path: <c>validate</c>, <c>analyze</c> and the file source that <c>run</c>
/// watches give the same input the same verdict. What <c>run</c> refuses is an error everywhere.
/// </summary>
public class ConfigPipelineTests
{
    [Fact]
    public void A_duplicate_is_refused_by_the_pipeline_the_file_source_validate_and_analyze_alike()
    {
        using var dir = new ConfigDirectory();
        dir.Write("a.yaml", Reviews(90, 10));
        var second = dir.Write("b.yaml", Reviews(10, 90));

        var load = ConfigPipeline.Read([dir.Root], new LoadOptions());
        var duplicate = Assert.Single(load.Set.Rejected);
        Assert.Equal(Severity.Error, duplicate.Severity);
        Assert.Equal($"{second}:1", duplicate.Span.ToString());
        Assert.Equal(90, V1Weight(load.Set));
        Assert.False(load.IsValid);

        using var source = dir.Source();
        Assert.Equal([duplicate], source.LoadNow().Rejected);

        var validate = CliRunner.Run("validate", "-f", dir.Root);
        Assert.Equal(Switchyard.Cli.Commands.ValidateCommand.ExitInvalid, validate.ExitCode);
        Assert.Contains($"ERROR {second}:1 VirtualService default/reviews: {duplicate.Message}", validate.OutLines);

        var analyze = CliRunner.Run("analyze", dir.Root);
        Assert.Equal(79, analyze.ExitCode);
        Assert.Contains($"Error [IST0106] (VirtualService default/reviews {second}:1) Schema validation error: {duplicate.Message}", analyze.OutLines);
    }

    [Fact]
    public void An_invalid_resource_is_refused_by_the_pipeline_validate_and_analyze_alike()
    {
        using var dir = new ConfigDirectory();
        var file = dir.Write("reviews.yaml", Reviews(-1, 100) + "\n---\n" + Ratings());

        var set = ConfigPipeline.Load([dir.Root], new LoadOptions());
        var error = Assert.Single(set.Rejected);
        Assert.Equal("weight -1 < 0", error.Message);
        Assert.Equal(["ratings"], set.Resources.Select(r => r.Name));

        var validate = CliRunner.Run("validate", "-f", dir.Root);
        Assert.Equal(1, validate.ExitCode);
        Assert.Contains($"ERROR {file}:10 VirtualService default/reviews spec.http[0].route[0].weight: weight -1 < 0", validate.OutLines);

        var analyze = CliRunner.Run("analyze", dir.Root);
        Assert.Equal(79, analyze.ExitCode);
        Assert.Contains(analyze.OutLines, l => l.StartsWith($"Error [IST0106] (VirtualService default/reviews {file}:10) Schema validation error: spec.http[0].route[0].weight: weight -1 < 0", StringComparison.Ordinal));
    }

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        var root = Path.Combine(AppContext.BaseDirectory, "examples");
        foreach (var dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, dir));
            foreach (var file in ConfigFiles.FilesUnder(dir)) data.Add(Path.GetRelativePath(root, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_gets_the_pipelines_verdict_from_validate_and_analyze(string example)
    {
        var path = CliRunner.Example(example);
        var load = ConfigPipeline.Read([path], new LoadOptions());

        var validate = CliRunner.Run("validate", "-f", path);
        // Valid input without an Istio resource (broken/services.yaml: Services only) is refused
        // as empty input is: nothing was validated, which is not "valid".
        var nothingToValidate = load.IsValid && !load.Analyzed.Any(ResourceKinds.IsIstio);
        Assert.Equal(nothingToValidate ? 2 : load.IsValid ? 0 : 1, validate.ExitCode);
        // Analysis also looks across resources, so it may find more; never less.
        var analyze = CliRunner.Run("analyze", path);
        if (!load.IsValid) Assert.Contains(analyze.ExitCode, new[] { 65, 79 });
    }

    [Fact]
    public void The_pipeline_and_the_file_source_admit_the_same_set_from_the_same_files()
    {
        var path = CliRunner.Example("broken");
        var once = ConfigPipeline.Load([path], new LoadOptions());
        using var source = new FileSource([path], new LoadOptions(), TimeProvider.System, FileSource.DefaultDebounce);
        var watched = source.LoadNow();

        Assert.Equal(watched.Resources.Select(r => r.Ref), once.Resources.Select(r => r.Ref));
        Assert.Equal(watched.Rejected, once.Rejected);
        Assert.Equal(watched.Warnings, once.Warnings);
        Assert.Equal(watched.Files, once.Files);
        Assert.NotEmpty(once.Rejected);
    }

    [Fact]
    public void Standard_input_is_read_with_a_dash_by_the_one_shot_pipeline_only()
    {
        var options = new LoadOptions { Stdin = new StringReader(Reviews(90, 10)) };

        var set = ConfigPipeline.Load(["-"], options);

        Assert.Equal(90, V1Weight(set));
        Assert.Equal(["-"], set.Files);
        using var source = new FileSource(["-"], options, TimeProvider.System, FileSource.DefaultDebounce);
        Assert.Contains(source.LoadNow().Rejected, d => d.Message.Contains("standard input cannot be watched", StringComparison.Ordinal));
    }
}
