using Microsoft.Extensions.Time.Testing;
using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Model.Networking;
using Switchyard.Sources;
using static Switchyard.Tests.Sources.ConfigDirectory;

namespace Switchyard.Tests.Sources;

/// <summary>
/// Per-resource admission, as Istio's webhook does it, driven by <see cref="FileSource.LoadNow"/>
/// (no watcher): what goes live, what stays from the last good read, and what is reported.
/// </summary>
public class FileSourceAdmissionTests
{
    [Fact]
    public void Initial_load_admits_every_valid_resource_and_lists_the_files()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10));
        dir.Write("nested/ratings.yml", Ratings());
        dir.Write("notes.txt", "not config");
        using var source = dir.Source();

        var set = source.LoadNow();

        Assert.Equal(1, set.Version);
        Assert.Same(set, source.Current);
        Assert.Equal(["ratings", "reviews"], set.Resources.Select(r => r.Name).Order());
        Assert.Empty(set.Rejected);
        Assert.Equal(2, set.Files.Count);
        Assert.DoesNotContain(set.Files, f => f.EndsWith(".txt", StringComparison.Ordinal));
    }

    [Fact]
    public void Before_any_load_the_set_is_empty_at_version_0()
    {
        using var dir = new ConfigDirectory();
        using var source = dir.Source();

        Assert.Equal(0, source.Current.Version);
        Assert.Empty(source.Current.Resources);
    }

    [Fact]
    public void Invalid_resource_is_rejected_with_the_validator_message_and_its_valid_neighbour_goes_live()
    {
        using var dir = new ConfigDirectory();
        dir.Write("all.yaml", Reviews(-1, 100) + "\n---\n" + Ratings());
        using var source = dir.Source();

        var set = source.LoadNow();

        var expected = ValidatorErrors(Reviews(-1, 100));
        Assert.Contains(expected, m => m.Contains("weight -1 < 0", StringComparison.Ordinal));
        Assert.All(expected, m => Assert.Contains(set.Rejected, d => d.Message == m && d.Severity == Severity.Error));
        Assert.Equal(["ratings"], set.Resources.Select(r => r.Name));
    }

    [Fact]
    public void Invalid_edit_keeps_the_last_good_version_and_says_so()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10));
        using var source = dir.Source();
        source.LoadNow();

        dir.Write("reviews.yaml", Reviews(-1, 100));
        var set = source.LoadNow();

        Assert.Equal(1, set.Version);
        Assert.Equal(90, V1Weight(set));
        Assert.Contains(set.Rejected, d => d.Message == "weight -1 < 0");
        Assert.Contains(set.Rejected, d => d.Severity == Severity.Info && d.Message.Contains("last good version", StringComparison.Ordinal));
    }

    [Fact]
    public void Loader_field_error_naming_a_resource_rejects_it_and_keeps_its_last_good_version()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10));
        using var source = dir.Source();
        source.LoadNow();

        dir.Write("reviews.yaml", Reviews(50, 50).Replace("  hosts:", "  hostz: [x]\n  hosts:", StringComparison.Ordinal));
        var set = source.LoadNow();

        Assert.Contains(set.Rejected, d => d.Resource?.Name == "reviews" && d.Severity == Severity.Error);
        Assert.Equal(90, V1Weight(set));
        Assert.Equal(1, set.Version);
    }

    [Fact]
    public void Syntax_error_keeps_what_the_file_held_while_other_files_still_change()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10) + "\n---\n" + Ratings());
        dir.Write("other.yaml", Reviews(80, 20, name: "other"));
        var time = new FakeTimeProvider();
        using var source = dir.Source(time: time);
        source.LoadNow();

        dir.Write("reviews.yaml", "apiVersion: [unclosed\n");
        dir.Write("other.yaml", Reviews(70, 30, name: "other"));
        var set = source.LoadNow();

        Assert.Equal(2, set.Version);
        Assert.Equal(90, V1Weight(set));
        Assert.Contains(set.Resources, r => r.Name == "ratings");
        Assert.Equal(70, V1Weight(set, "other"));
        // Possibly a save in progress: the error is reported once the file has read the same
        // for a debounce period (the source reads it again by itself).
        Assert.DoesNotContain(set.Rejected, d => d.Severity == Severity.Error);
        time.Advance(FileSource.DefaultDebounce);

        set = source.Current;
        Assert.Equal(2, set.Version);
        Assert.Equal(90, V1Weight(set));
        Assert.Contains(set.Rejected, d => d.Message.StartsWith("YAML syntax error", StringComparison.Ordinal));
    }

    [Fact]
    public void A_kept_version_goes_away_when_its_file_is_deleted()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10));
        dir.Write("ratings.yaml", Ratings());
        var time = new FakeTimeProvider();
        using var source = dir.Source(time: time);
        source.LoadNow();
        dir.Write("reviews.yaml", Reviews(-1, 100));
        source.LoadNow();

        dir.Delete("reviews.yaml");
        source.LoadNow();
        // A deletion counts once it has lasted a debounce period (see UnsettledFilesTests).
        time.Advance(FileSource.DefaultDebounce);
        var set = source.Current;

        Assert.Null(V1Weight(set));
        Assert.Equal(["ratings"], set.Resources.Select(r => r.Name));
        Assert.Equal(2, set.Version);
    }

    [Fact]
    public void A_resource_defined_twice_keeps_the_first_and_reports_the_second()
    {
        using var dir = new ConfigDirectory();
        dir.Write("a.yaml", Reviews(90, 10));
        dir.Write("b.yaml", Reviews(10, 90));
        using var source = dir.Source();

        var set = source.LoadNow();

        Assert.Equal(90, V1Weight(set));
        Assert.Single(set.Resources);
        var duplicate = Assert.Single(set.Rejected);
        Assert.Contains("defined more than once", duplicate.Message, StringComparison.Ordinal);
        Assert.EndsWith("b.yaml", duplicate.Span.File, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_text_read_again_keeps_the_version_and_the_resource_objects()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10));
        using var source = dir.Source();
        var first = source.LoadNow();
        var changes = 0;
        source.Changed += _ => changes++;

        dir.Write("reviews.yaml", Reviews(90, 10));
        var second = source.LoadNow();

        Assert.Equal(first.Version, second.Version);
        Assert.Same(first.Resources, second.Resources);
        Assert.Equal(0, changes);
    }

    [Fact]
    public void A_missing_path_is_reported_and_the_other_paths_still_load()
    {
        using var dir = new ConfigDirectory();
        var reviews = dir.Write("reviews.yaml", Reviews(90, 10));
        using var source = new FileSource([reviews, dir.PathOf("missing.yaml")], new LoadOptions(), TimeProvider.System, FileSource.DefaultDebounce);

        var set = source.LoadNow();

        Assert.Equal(90, V1Weight(set));
        Assert.Contains(set.Rejected, d => d.Message.Contains("no such file", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_round_logs_each_rejection_with_its_file_and_line_and_the_version()
    {
        using var dir = new ConfigDirectory();
        var file = dir.Write("reviews.yaml", Reviews(-1, 100));
        var log = new RecordingLogger();
        using var source = new FileSource([dir.Root], new LoadOptions(), TimeProvider.System, FileSource.DefaultDebounce, log);

        source.LoadNow();
        source.LoadNow();

        // Logged on both rounds, not only when it first appeared: whoever reads the log after
        // the edit must still see why the resource is not live.
        var rejections = log.Messages(EventIds.ResourceRejected).Where(m => m.Contains("weight -1 < 0", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rejections.Count);
        Assert.All(rejections, m => Assert.Contains($"{file}:10 VirtualService default/reviews spec.http[0].route[0].weight", m, StringComparison.Ordinal));
        Assert.Equal(["files: config version 1 loaded: 0 resources from 1 files"], log.Messages(EventIds.ConfigLoaded));
        Assert.Equal(["files: config reloaded, unchanged at version 1: 0 resources from 1 files"], log.Messages(EventIds.ConfigUnchanged));
    }

    [Fact]
    public void A_throwing_subscriber_does_not_stop_the_others()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10));
        var log = new RecordingLogger();
        using var source = new FileSource([dir.Root], new LoadOptions(), TimeProvider.System, FileSource.DefaultDebounce, log);
        ConfigSet? seen = null;
        source.Changed += _ => throw new InvalidOperationException("boom");
        source.Changed += set => seen = set;

        var set = source.LoadNow();

        Assert.Same(set, seen);
        var failure = Assert.Single(log.Entries, e => e.EventId == EventIds.SubscriberFailed);
        Assert.Contains("InvalidOperationException: boom", failure.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(failure.Exception);
    }

    [Fact]
    public void A_throwing_logger_does_not_stop_a_round()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(-1, 100) + "\n---\n" + Ratings());
        using var source = dir.Source(logger: new ThrowingLogger());

        var set = source.LoadNow();

        Assert.Equal(1, set.Version);
        Assert.Equal(["ratings"], set.Resources.Select(r => r.Name));
    }

    private sealed class ThrowingLogger : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state,
            Exception? exception, Func<TState, Exception?, string> formatter) => throw new IOException("No space left on device");
    }

    private static List<string> ValidatorErrors(string yaml)
    {
        var vs = Assert.IsType<VirtualService>(Assert.Single(ConfigLoader.LoadText(yaml, "f.yaml").Resources));
        return Switchyard.Validation.ResourceValidator.Validate(vs).Where(d => d.Severity == Severity.Error).Select(d => d.Message).ToList();
    }
}
