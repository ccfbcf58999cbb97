using Microsoft.Extensions.Time.Testing;
using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Sources;
using static Switchyard.Tests.Sources.ConfigDirectory;

namespace Switchyard.Tests.Sources;

/// <summary>
/// A round that cannot list or read its files publishes nothing: the last good set keeps
/// serving, the failure is logged with its path, and the source retries by itself. (The storm
/// that prompted this: out of file descriptors, listing the directory failed, the round became a
/// config of zero resources and every request got 404.)
/// </summary>
public class FileSourceReadFailureTests
{
    private static readonly TimeSpan Debounce = FileSource.DefaultDebounce;

    private sealed class Fixture : IDisposable
    {
        public ConfigDirectory Dir { get; } = new();
        public FakeTimeProvider Time { get; } = new();
        public FaultyFileSystem Fs { get; } = new();
        public RecordingLogger Log { get; } = new();
        public List<ConfigSet> Published { get; } = new();
        public FileSource Source { get; }

        public Fixture()
        {
            Dir.Write("reviews.yaml", Reviews(90, 10));
            Dir.Write("ratings.yaml", Ratings());
            Source = new FileSource([Dir.Root], new LoadOptions(), Time, Debounce, Log, Fs);
            Source.Reloaded += Published.Add;
        }

        public void Dispose()
        {
            Source.Dispose();
            Dir.Dispose();
        }
    }

    [Fact]
    public void Listing_failure_keeps_the_last_good_set_and_version_and_publishes_nothing()
    {
        using var f = new Fixture();
        var good = f.Source.LoadNow();
        f.Published.Clear();

        f.Fs.ListFault = FaultyFileSystem.TooManyOpenFiles();
        var after = f.Source.LoadNow();

        Assert.Same(good, after);
        Assert.Same(good, f.Source.Current);
        Assert.Equal(1, after.Version);
        Assert.Equal(2, after.Resources.Count);
        Assert.Empty(f.Published);
        var failure = Assert.Single(f.Log.Entries, e => e.EventId == EventIds.ReloadFailed);
        Assert.Contains($"cannot list {f.Dir.Root}: IOException: Too many open files", failure.Message, StringComparison.Ordinal);
        Assert.Contains("version 1 stays live", failure.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(failure.Exception);
    }

    [Fact]
    public void Unreadable_file_fails_the_round_instead_of_dropping_that_file()
    {
        using var f = new Fixture();
        var good = f.Source.LoadNow();

        f.Dir.Write("reviews.yaml", Reviews(50, 50));
        f.Fs.ReadFault = new UnauthorizedAccessException("Access to the path is denied.");
        f.Fs.ReadFaultSuffix = "ratings.yaml";
        var after = f.Source.LoadNow();

        // Not even the readable edit goes live: a round is all files or nothing.
        Assert.Same(good, after);
        Assert.Equal(90, V1Weight(after));
        Assert.Contains(f.Log.Messages(EventIds.ReloadFailed),
            m => m.Contains($"cannot read {f.Dir.PathOf("ratings.yaml")}: UnauthorizedAccessException", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failed_round_is_retried_by_itself_and_the_retry_applies_what_changed_meanwhile()
    {
        using var f = new Fixture();
        f.Source.LoadNow();
        f.Fs.ListFault = FaultyFileSystem.TooManyOpenFiles();
        f.Source.LoadNow();

        f.Fs.ListFault = null;
        f.Dir.Write("reviews.yaml", Reviews(30, 70));
        f.Time.Advance(Debounce);

        Assert.Equal(2, f.Source.Current.Version);
        Assert.Equal(30, V1Weight(f.Source.Current));
        Assert.Contains(f.Source.Current.Resources, r => r.Name == "ratings");
    }

    [Fact]
    public void Retries_back_off_while_the_failure_lasts()
    {
        using var f = new Fixture();
        f.Source.LoadNow();
        f.Fs.ListFault = FaultyFileSystem.TooManyOpenFiles();
        f.Source.LoadNow();

        // Failures at 0, then retries at +1, +2 (total 3) and +4 (total 7) debounce periods.
        f.Time.Advance(Debounce);
        Assert.Equal(2, f.Log.Messages(EventIds.ReloadFailed).Count);
        f.Time.Advance(Debounce);
        Assert.Equal(2, f.Log.Messages(EventIds.ReloadFailed).Count);
        f.Time.Advance(Debounce);
        Assert.Equal(3, f.Log.Messages(EventIds.ReloadFailed).Count);
        f.Time.Advance(Debounce * 4);
        Assert.Equal(4, f.Log.Messages(EventIds.ReloadFailed).Count);
        Assert.Equal(1, f.Source.Current.Version);
        Assert.Equal(2, f.Source.Current.Resources.Count);
    }

    [Fact]
    public void A_failing_first_load_publishes_nothing_and_the_retry_loads()
    {
        using var f = new Fixture();
        f.Fs.ListFault = FaultyFileSystem.TooManyOpenFiles();

        var first = f.Source.LoadNow();

        Assert.Same(ConfigSet.Empty, first);
        Assert.Empty(f.Published);
        f.Fs.ListFault = null;
        f.Time.Advance(Debounce);
        Assert.Equal(1, f.Source.Current.Version);
        Assert.Equal(2, f.Source.Current.Resources.Count);
    }

    [Fact]
    public void The_one_shot_pipeline_reports_a_read_failure_as_an_input_error_not_as_an_empty_config()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10));
        var fs = new FaultyFileSystem { ListFault = FaultyFileSystem.TooManyOpenFiles() };

        var load = ConfigPipeline.Read([dir.Root], new LoadOptions(), fs);

        var error = Assert.Single(load.InputErrors);
        Assert.Equal($"cannot list {dir.Root}: Too many open files", error.Message);
        Assert.False(load.IsValid);
        Assert.Contains(error, load.Set.Rejected);
    }
}
