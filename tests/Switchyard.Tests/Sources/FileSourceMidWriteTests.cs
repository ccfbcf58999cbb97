using Microsoft.Extensions.Time.Testing;
using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Sources;
using static Switchyard.Tests.Sources.ConfigDirectory;

namespace Switchyard.Tests.Sources;

/// <summary>
/// A file caught mid-write (<c>cat &gt; vs.yaml</c> truncates first; an editor deletes and
/// re-creates) counts as emptied, deleted or broken only once it has stayed so for one more
/// debounce period. Rounds are driven by <see cref="FileSource.LoadNow"/> and the fake clock; the
/// source schedules the re-read itself.
/// </summary>
public class FileSourceMidWriteTests
{
    private static readonly TimeSpan Debounce = FileSource.DefaultDebounce;

    private sealed class Fixture : IDisposable
    {
        public ConfigDirectory Dir { get; } = new();
        public FakeTimeProvider Time { get; } = new();
        public RecordingLogger Log { get; } = new();
        public List<ConfigSet> Published { get; } = new();
        public FileSource Source { get; }

        public Fixture()
        {
            Dir.Write("reviews.yaml", Reviews(90, 10));
            Dir.Write("ratings.yaml", Ratings());
            Source = Dir.Source(Debounce, Time, Log);
            Source.LoadNow();
            Source.Reloaded += Published.Add;
        }

        public void Dispose()
        {
            Source.Dispose();
            Dir.Dispose();
        }
    }

    [Fact]
    public void A_file_emptied_then_filled_within_a_debounce_never_publishes_a_set_without_its_resources()
    {
        using var f = new Fixture();

        f.Dir.Write("reviews.yaml", "");
        f.Source.LoadNow();
        f.Time.Advance(Debounce / 2);
        f.Dir.Write("reviews.yaml", Reviews(50, 50));
        f.Time.Advance(Debounce / 2);

        Assert.Equal(2, f.Published.Count);
        Assert.All(f.Published, set => Assert.NotNull(V1Weight(set)));
        Assert.Equal(90, V1Weight(f.Published[0]));
        Assert.Equal(50, V1Weight(f.Source.Current));
        Assert.Equal(2, f.Source.Current.Version);
        Assert.Contains(f.Log.Messages(EventIds.FileHeldBack), m => m.Contains("reviews.yaml is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_stays_empty_for_a_debounce_period_loses_its_resources()
    {
        using var f = new Fixture();

        f.Dir.Write("reviews.yaml", "");
        var held = f.Source.LoadNow();
        Assert.Equal(90, V1Weight(held));
        Assert.Contains(held.Rejected, d => d.Severity == Severity.Info && d.Message.Contains("is empty", StringComparison.Ordinal));

        f.Time.Advance(Debounce);

        Assert.Null(V1Weight(f.Source.Current));
        Assert.Equal(["ratings"], f.Source.Current.Resources.Select(r => r.Name));
        Assert.Equal(2, f.Source.Current.Version);
    }

    [Fact]
    public void A_file_deleted_and_recreated_within_a_debounce_keeps_its_resources_and_its_place()
    {
        using var f = new Fixture();
        var order = f.Source.Current.Resources.Select(r => r.Name).ToList();

        f.Dir.Delete("reviews.yaml");
        var held = f.Source.LoadNow();
        Assert.Equal(order, held.Resources.Select(r => r.Name));
        Assert.Equal(f.Source.Current.Files, held.Files);

        f.Dir.Write("reviews.yaml", Reviews(90, 10));
        f.Time.Advance(Debounce);

        Assert.Equal(1, f.Source.Current.Version);
        Assert.All(f.Published, set => Assert.Equal(90, V1Weight(set)));
    }

    [Fact]
    public void A_file_cut_between_documents_keeps_the_resources_of_the_missing_part_until_it_settles()
    {
        using var f = new Fixture();
        f.Dir.Write("reviews.yaml", Reviews(90, 10) + "\n---\n" + Reviews(80, 20, name: "more"));
        f.Source.LoadNow();

        f.Dir.Write("reviews.yaml", Reviews(90, 10) + "\n---\n");
        var held = f.Source.LoadNow();
        Assert.Equal(80, V1Weight(held, "more"));

        f.Time.Advance(Debounce);
        Assert.Null(V1Weight(f.Source.Current, "more"));
        Assert.Equal(90, V1Weight(f.Source.Current));
    }

    [Fact]
    public void A_file_still_being_written_is_held_until_one_state_lasts_a_debounce()
    {
        using var f = new Fixture();
        var full = Reviews(40, 60);

        // Each round sees a longer prefix: every one is a new state, so none is taken as final.
        // (The last prefix defines "reviews" again, with a broken http list: refused, so its last
        // good version stays, by the per-resource admission rule.)
        f.Dir.Write("reviews.yaml", full[..20]);
        f.Source.LoadNow();
        f.Dir.Write("reviews.yaml", full[..60]);
        f.Time.Advance(Debounce);
        f.Dir.Write("reviews.yaml", full[..120]);
        f.Time.Advance(Debounce);
        Assert.Equal(3, f.Published.Count);
        Assert.All(f.Published, set => Assert.Equal(90, V1Weight(set)));
        Assert.Equal(2, f.Log.Messages(EventIds.FileHeldBack).Count);

        // The writer finishes; its last event brings the round that reads the whole file.
        f.Dir.Write("reviews.yaml", full);
        Assert.Equal(40, V1Weight(f.Source.LoadNow()));
    }

    [Fact]
    public void A_syntax_error_that_lasts_is_reported_once_settled_and_then_rounds_stop()
    {
        using var f = new Fixture();

        f.Dir.Write("reviews.yaml", "apiVersion: [unclosed\n");
        f.Source.LoadNow();
        f.Time.Advance(Debounce);
        var rounds = f.Published.Count;
        f.Time.Advance(Debounce * 20);

        Assert.Equal(2, rounds);
        Assert.Equal(rounds, f.Published.Count);
        Assert.Equal(90, V1Weight(f.Source.Current));
        Assert.Contains(f.Source.Current.Rejected, d => d.Message.StartsWith("YAML syntax error", StringComparison.Ordinal));
    }

    [Fact]
    public void Adding_and_changing_resources_is_taken_at_once()
    {
        using var f = new Fixture();

        f.Dir.Write("reviews.yaml", Reviews(70, 30) + "\n---\n" + Reviews(60, 40, name: "more"));
        var set = f.Source.LoadNow();

        Assert.Equal(2, set.Version);
        Assert.Equal(70, V1Weight(set));
        Assert.Equal(60, V1Weight(set, "more"));
        Assert.Empty(f.Log.Messages(EventIds.FileHeldBack));
    }
}
