using Switchyard.Cli;
using Switchyard.Cli.Commands;
using Switchyard.Tests.Sources;

namespace Switchyard.Tests.Cli;

/// <summary>
/// <c>--max-file-bytes</c> on validate, analyze, run and demo: the size limit for one config file
/// (64 MiB unless set) is the operator's to choose, and a file over it is an error naming the
/// file, its size and the limit, through the real command tree.
/// </summary>
public class MaxFileBytesTests
{
    private static string VirtualService(string name) =>
        $"apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {{name: {name}, namespace: default}}\nspec:\n  hosts: [{name}]\n  http:\n  - route: [{{destination: {{host: {name}}}}}]\n";

    /// <summary>A directory with a small file and one of 2,000 bytes or more.</summary>
    private static (ConfigDirectory Dir, string Big, long Size) Files()
    {
        var dir = new ConfigDirectory();
        dir.Write("small.yaml", VirtualService("small"));
        var big = dir.Write("big.yaml", VirtualService("big") + string.Concat(Enumerable.Repeat("# padding padding padding padding\n", 60)));
        return (dir, big, new FileInfo(big).Length);
    }

    private static string TooLarge(string file, long size, string limit, long limitBytes) =>
        $"file too large: {file} is {size / 1024.0:0.#} KiB ({size} bytes), over the limit of {limit} ({limitBytes} bytes) for one config file; it was not read";

    [Fact]
    public void Validate_refuses_a_file_over_the_limit_naming_the_file_and_the_limit()
    {
        var (dir, big, size) = Files();
        using var _ = dir;
        var r = CliRunner.Run("validate", "-f", dir.Root, "--max-file-bytes", "1Ki");

        Assert.Equal(ValidateCommand.ExitInvalid, r.ExitCode);
        Assert.Contains($"ERROR {big}: {TooLarge(big, size, "1 KiB", 1024)}", r.OutLines);
        Assert.StartsWith("✘ 1 error(s)", r.OutLines[^1]);
    }

    [Fact]
    public void Validate_under_a_raised_limit_or_the_default_reads_the_same_files()
    {
        var (dir, _, size) = Files();
        using var __ = dir;
        Assert.Equal(ValidateCommand.ExitValid, CliRunner.Run("validate", "-f", dir.Root, "--max-file-bytes", size.ToString(System.Globalization.CultureInfo.InvariantCulture)).ExitCode);
        Assert.Equal(ValidateCommand.ExitValid, CliRunner.Run("validate", "-f", dir.Root).ExitCode);
    }

    [Fact]
    public void Analyze_reports_the_file_as_unparseable_with_exit_65()
    {
        var (dir, big, size) = Files();
        using var _ = dir;
        var r = CliRunner.Run("analyze", dir.Root, "--max-file-bytes", "1024");

        Assert.Equal(AnalyzeCommand.ExitParse, r.ExitCode);
        Assert.Contains($"Error: failed to parse {big}: {TooLarge(big, size, "1 KiB", 1024)}", r.Err.Split('\n', StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("validate", ValidateCommand.ExitUsage)]
    [InlineData("analyze", AnalyzeCommand.ExitUsage)]
    [InlineData("run", 2)]
    [InlineData("demo", 2)]
    public void A_limit_that_is_not_a_size_is_a_usage_error(string command, int exit)
    {
        using var dir = new ConfigDirectory();
        string[] args = command switch
        {
            "validate" or "run" => [command, "-f", dir.Root, "--max-file-bytes", "0"],
            "analyze" => [command, dir.Root, "--max-file-bytes", "0"],
            _ => [command, "--config", dir.Root, "--max-file-bytes", "0"],
        };
        var r = CliRunner.Run(args);

        Assert.Equal(exit, r.ExitCode);
        Assert.Equal("error: --max-file-bytes \"0\": give a positive number of bytes, optionally with Ki, Mi or Gi (e.g. 128Mi)", r.Err.Trim());
    }

    [Fact]
    public async Task Run_refuses_the_file_over_the_limit_and_serves_the_rest()
    {
        var ct = TestContext.Current.CancellationToken;
        var (dir, big, size) = Files();
        using var _ = dir;
        var stderr = new LineChannelWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(90));
        var run = Task.Run(() => CliApp.RunAsync(["run", "-f", dir.Root, "--listen", "127.0.0.1:0", "--admin", "127.0.0.1:0", "--access-log", "off", "--max-file-bytes", "1Ki"],
            new CliIo(TextWriter.Null, stderr, TextReader.Null), stop.Token), ct);
        try
        {
            var start = await stderr.ReadUntilAsync(l => l.StartsWith("switchyard proxy on ", StringComparison.Ordinal), deadline.Token);
            Assert.Contains(start, l => l.Contains(TooLarge(big, size, "1 KiB", 1024), StringComparison.Ordinal));
            Assert.Contains(start, l => l.StartsWith("info[1100]: config v1: 1 resources, ", StringComparison.Ordinal));
        }
        finally
        {
            stop.Cancel();
        }
        Assert.Equal(0, await run);
    }

    [Fact]
    public void Every_config_reading_command_documents_the_option()
    {
        foreach (var command in new[] { "validate", "analyze", "run", "demo" })
            Assert.Contains("--max-file-bytes", CliRunner.Run(command, "--help").Out);
    }
}
