using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Sources;
using static Switchyard.Tests.Sources.ConfigDirectory;

namespace Switchyard.Tests.Sources;

/// <summary>
/// Only regular files are config. A FIFO named <c>x.yaml</c> froze startup, reloads and shutdown
/// (opening it waits for a writer); a link to <c>/dev/zero</c> grew memory past 3 GB. Each is now
/// a warning naming the file, never opened, and the round carries on. Every round runs on a task
/// awaited with a generous limit, so a regression fails the test instead of hanging the run.
/// </summary>
public class NonRegularFileTests
{
    [Fact]
    public async Task A_fifo_named_like_a_config_file_is_reported_and_not_opened()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10));
        var fifo = dir.PathOf("x.yaml");
        SpecialFiles.Fifo(fifo);
        var log = new RecordingLogger();
        using var source = dir.Source(logger: log);

        var set = await Task.Run(source.LoadNow, TestContext.Current.CancellationToken).WaitAsync(SourceWaits.Timeout, TestContext.Current.CancellationToken);

        Assert.Equal(90, V1Weight(set));
        Assert.DoesNotContain(set.Rejected, d => d.Severity == Severity.Error);
        var warning = Assert.Single(set.Warnings);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal($"not a regular file: {fifo} is a FIFO (named pipe); skipped without opening it", warning.Message);
        Assert.Equal([dir.PathOf("reviews.yaml")], set.Files);
        Assert.Contains($"files: WARNING {fifo}: {warning.Message}", log.Messages(EventIds.ConfigWarning));
    }

    [Fact]
    public async Task A_symlink_to_dev_zero_and_a_socket_are_reported_and_the_valid_files_load()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10));
        var zero = dir.PathOf("zero.yaml");
        File.CreateSymbolicLink(zero, "/dev/zero");
        var socketPath = dir.PathOf("sock.json");
        using var socket = SpecialFiles.UnixSocket(socketPath);

        var load = await Task.Run(() => ConfigPipeline.Read([dir.Root], new LoadOptions()), TestContext.Current.CancellationToken)
            .WaitAsync(SourceWaits.Timeout, TestContext.Current.CancellationToken);

        // A warning does not make the input invalid: validate still passes on the real config.
        Assert.True(load.IsValid);
        Assert.Equal(90, V1Weight(load.Set));
        Assert.Equal(
            [
                $"not a regular file: {socketPath} is a socket; skipped without opening it",
                $"not a regular file: {zero} is a character device; skipped without opening it",
            ],
            load.Set.Warnings.Select(w => w.Message));
    }

    [Fact]
    public async Task A_fifo_given_as_the_path_itself_is_reported_and_not_opened()
    {
        using var dir = new ConfigDirectory();
        var fifo = dir.PathOf("x.yaml");
        SpecialFiles.Fifo(fifo);
        using var source = new FileSource([fifo], new LoadOptions(), TimeProvider.System, FileSource.DefaultDebounce);

        var set = await Task.Run(source.LoadNow, TestContext.Current.CancellationToken).WaitAsync(SourceWaits.Timeout, TestContext.Current.CancellationToken);

        Assert.Empty(set.Resources);
        Assert.Contains(set.Warnings, w => w.Message.StartsWith($"not a regular file: {fifo} is a FIFO", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shutdown_is_not_held_by_a_fifo_in_the_watched_directory()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10));
        var source = dir.Source(debounce: TimeSpan.FromMilliseconds(20));
        source.LoadNow();
        source.Start();

        // The FIFO appears while watched: the round it triggers reads around it.
        var set = await SourceWaits.ReloadAfter(source, () => SpecialFiles.Fifo(dir.PathOf("late.yaml")),
            s => s.Warnings.Any(w => w.Message.Contains("late.yaml is a FIFO", StringComparison.Ordinal)));
        await Task.Run(source.Dispose, TestContext.Current.CancellationToken).WaitAsync(SourceWaits.Timeout, TestContext.Current.CancellationToken);

        Assert.Equal(90, V1Weight(set));
    }
}
