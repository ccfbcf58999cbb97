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
        using var source = dir.Source();
        source.LoadNow();

        dir.Write("reviews.yaml", "apiVersion: [unclosed\n");
        dir.Write("other.yaml", Reviews(70, 30, name: "other"));
        var set = source.LoadNow();

        Assert.Equal(2, set.Version);
        Assert.Equal(90, V1Weight(set));
        Assert.Contains(set.Resources, r => r.Name == "ratings");
        Assert.Equal(70, V1Weight(set, "other"));
        Assert.Contains(set.Rejected, d => d.Message.StartsWith("YAML syntax error", StringComparison.Ordinal));
    }

    [Fact]
    public void A_kept_version_goes_away_when_its_file_is_deleted()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10));
        dir.Write("ratings.yaml", Ratings());
        using var source = dir.Source();
        source.LoadNow();
        dir.Write("reviews.yaml", Reviews(-1, 100));
        source.LoadNow();

        dir.Delete("reviews.yaml");
        var set = source.LoadNow();

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
    public void Each_new_problem_is_logged_once()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(-1, 100));
        var logged = new List<Diagnostic>();
        using var source = new FileSource([dir.Root], new LoadOptions(), TimeProvider.System, FileSource.DefaultDebounce, logged.Add);

        source.LoadNow();
        source.LoadNow();

        Assert.Single(logged, d => d.Message == "weight -1 < 0");
    }

    [Fact]
    public void A_throwing_subscriber_does_not_stop_the_others()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10));
        var logged = new List<Diagnostic>();
        using var source = new FileSource([dir.Root], new LoadOptions(), TimeProvider.System, FileSource.DefaultDebounce, logged.Add);
        ConfigSet? seen = null;
        source.Changed += _ => throw new InvalidOperationException("boom");
        source.Changed += set => seen = set;

        var set = source.LoadNow();

        Assert.Same(set, seen);
        Assert.Contains(logged, d => d.Message.Contains("boom", StringComparison.Ordinal));
    }

    private static List<string> ValidatorErrors(string yaml)
    {
        var vs = Assert.IsType<VirtualService>(Assert.Single(ConfigLoader.LoadText(yaml, "f.yaml").Resources));
        return Switchyard.Validation.ResourceValidator.Validate(vs).Where(d => d.Severity == Severity.Error).Select(d => d.Message).ToList();
    }
}
