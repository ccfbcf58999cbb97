using Switchyard.Sources;
using static Switchyard.Tests.Sources.ConfigDirectory;
using static Switchyard.Tests.Sources.SourceWaits;

namespace Switchyard.Tests.Sources;

/// <summary>
/// The watcher on real files: each edit reaches <see cref="FileSource.Current"/> through the
/// debounced reload. Tests wait on the source's events, never on the clock.
/// </summary>
public class FileSourceHotReloadTests
{
    [Fact]
    public async Task Editing_a_file_publishes_the_new_version()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10));
        using var source = Started(dir);

        var set = await ChangeAfter(source, () => dir.Write("reviews.yaml", Reviews(50, 50)), s => V1Weight(s) == 50);

        Assert.Equal(2, set.Version);
        Assert.Same(set, source.Current);
    }

    [Fact]
    public async Task Adding_a_file_adds_its_resources()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10));
        using var source = Started(dir);

        var set = await ChangeAfter(source, () => dir.Write("sub/ratings.yaml", Ratings()), s => s.Resources.Any(r => r.Name == "ratings"));

        Assert.Equal(2, set.Resources.Count);
        Assert.Equal(2, set.Files.Count);
    }

    [Fact]
    public async Task Deleting_a_file_removes_its_resources()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10));
        dir.Write("ratings.yaml", Ratings());
        using var source = Started(dir);

        var set = await ChangeAfter(source, () => dir.Delete("ratings.yaml"), s => s.Resources.All(r => r.Name != "ratings"));

        Assert.Equal(["reviews"], set.Resources.Select(r => r.Name));
        Assert.Equal(2, set.Version);
    }

    [Fact]
    public async Task Invalid_edit_is_rejected_with_the_validator_message_and_the_previous_version_stays()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10));
        using var source = Started(dir);

        var set = await ReloadAfter(source, () => dir.Write("reviews.yaml", Reviews(-1, 100)),
            s => s.Rejected.Any(d => d.Message == "weight -1 < 0"));

        Assert.Equal(1, set.Version);
        Assert.Equal(90, V1Weight(set));
        var error = set.Rejected.First(d => d.Message == "weight -1 < 0");
        Assert.Equal("spec.http[0].route[0].weight", error.FieldPath);
        Assert.Equal("reviews", error.Resource?.Name);
    }

    [Fact]
    public async Task Syntax_error_keeps_the_last_good_resources()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10));
        using var source = Started(dir);

        var set = await ReloadAfter(source, () => dir.Write("reviews.yaml", "kind: [VirtualService\n  oops: {\n"),
            s => s.Rejected.Any(d => d.Message.StartsWith("YAML syntax error", StringComparison.Ordinal)));

        Assert.Equal(1, set.Version);
        Assert.Equal(90, V1Weight(set));

        // Fixing the file applies the fixed text.
        var fixedSet = await ChangeAfter(source, () => dir.Write("reviews.yaml", Reviews(60, 40)), s => V1Weight(s) == 60);
        Assert.Empty(fixedSet.Rejected);
        Assert.Equal(2, fixedSet.Version);
    }

    [Fact]
    public async Task Rewriting_the_same_text_does_not_bump_the_version()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10));
        using var source = Started(dir);
        var changes = 0;
        source.Changed += _ => Interlocked.Increment(ref changes);

        var set = await ReloadAfter(source, () => dir.Write("reviews.yaml", Reviews(90, 10)), _ => true);

        Assert.Equal(1, set.Version);
        Assert.Equal(0, Volatile.Read(ref changes));
    }

    [Fact]
    public async Task A_single_file_path_is_watched_through_its_directory()
    {
        using var dir = new ConfigDirectory();
        var reviews = dir.Write("reviews.yaml", Reviews(90, 10));
        dir.Write("ignored.yaml", Ratings());
        using var source = new FileSource([reviews], new Switchyard.Loading.LoadOptions(), TimeProvider.System, TimeSpan.FromMilliseconds(50));
        source.LoadNow();
        source.Start();

        var set = await ChangeAfter(source, () => dir.Write("reviews.yaml", Reviews(30, 70)), s => V1Weight(s) == 30);

        Assert.Equal(["reviews"], set.Resources.Select(r => r.Name));
    }

    private static FileSource Started(ConfigDirectory dir)
    {
        var source = dir.Source();
        source.LoadNow();
        source.Start();
        return source;
    }
}
