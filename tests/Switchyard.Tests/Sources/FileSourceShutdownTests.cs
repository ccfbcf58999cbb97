using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Sources;
using static Switchyard.Tests.Sources.ConfigDirectory;

namespace Switchyard.Tests.Sources;

/// <summary>
/// Shutdown does not wait for a reload in progress (SIGTERM took 11.6 s while a 50 MB config
/// was being re-read). Dispose cancels the round, which stops before its next file and publishes
/// nothing. The slow read is a gate the test holds shut, so "promptly" means "while the round is
/// still stuck", not a number of milliseconds.
/// </summary>
public class FileSourceShutdownTests
{
    [Fact]
    public async Task Dispose_returns_while_a_round_is_stuck_reading_and_the_round_publishes_nothing()
    {
        using var dir = new ConfigDirectory();
        dir.Write("a.yaml", Reviews(90, 10, name: "a"));
        dir.Write("b.yaml", Reviews(90, 10, name: "b"));
        dir.Write("c.yaml", Reviews(90, 10, name: "c"));
        using var fs = new GatedFileSystem("b.yaml");
        var log = new RecordingLogger();
        var source = new FileSource([dir.Root], new LoadOptions(), TimeProvider.System, FileSource.DefaultDebounce, log, fs);
        var published = 0;
        source.Reloaded += _ => Interlocked.Increment(ref published);
        var cancel = TestContext.Current.CancellationToken;

        var round = Task.Run(source.LoadNow, cancel);
        await fs.Entered.WaitAsync(SourceWaits.Timeout, cancel);
        // The gate is still shut: if Dispose waited for the round, this would never complete.
        await Task.Run(source.Dispose, cancel).WaitAsync(SourceWaits.Timeout, cancel);
        Assert.False(round.IsCompleted);

        fs.Open();
        var set = await round.WaitAsync(SourceWaits.Timeout, cancel);

        Assert.Same(ConfigSet.Empty, set);
        Assert.Same(ConfigSet.Empty, source.Current);
        Assert.Equal(0, Volatile.Read(ref published));
        Assert.Equal(["a.yaml", "b.yaml"], fs.Reads);
        Assert.Equal(["files: reload abandoned: the source is shutting down; version 0 stays as it was"], log.Messages(EventIds.ReloadAbandoned));
        Assert.Throws<ObjectDisposedException>(() => source.LoadNow());
    }

    [Fact]
    public async Task A_watched_source_stops_promptly_while_a_reload_it_started_is_stuck()
    {
        using var dir = new ConfigDirectory();
        dir.Write("a.yaml", Reviews(90, 10, name: "a"));
        using var fs = new GatedFileSystem("slow.yaml");
        var source = new FileSource([dir.Root], new LoadOptions(), TimeProvider.System, TimeSpan.FromMilliseconds(20), null, fs);
        var cancel = TestContext.Current.CancellationToken;
        source.LoadNow();
        source.Start();

        // The watcher's reload reaches the slow file and sticks there.
        dir.Write("slow.yaml", Reviews(50, 50, name: "slow"));
        await fs.Entered.WaitAsync(SourceWaits.Timeout, cancel);
        await Task.Run(source.Dispose, cancel).WaitAsync(SourceWaits.Timeout, cancel);
        fs.Open();

        Assert.Equal(["a"], source.Current.Resources.Select(r => r.Name));
    }
}
