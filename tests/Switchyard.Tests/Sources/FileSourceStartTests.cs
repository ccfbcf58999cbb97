using Microsoft.Extensions.Time.Testing;
using Switchyard.Sources;
using static Switchyard.Tests.Sources.ConfigDirectory;

namespace Switchyard.Tests.Sources;

/// <summary>
/// The first load and the start of the watcher are two calls; an edit that lands between them
/// has no watcher to see it, so Start reads everything once more after the watcher exists.
/// </summary>
public class FileSourceStartTests
{
    [Fact]
    public void An_edit_made_between_the_first_load_and_Start_is_not_missed()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10));
        var time = new FakeTimeProvider();
        using var source = dir.Source(time: time);
        source.LoadNow();

        dir.Write("reviews.yaml", Reviews(20, 80));
        source.Start();
        time.Advance(FileSource.DefaultDebounce);

        Assert.Equal(20, V1Weight(source.Current));
        Assert.Equal(2, source.Current.Version);
    }

    [Fact]
    public void A_file_added_between_the_first_load_and_Start_is_not_missed()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10));
        var time = new FakeTimeProvider();
        using var source = dir.Source(time: time);
        source.LoadNow();

        dir.Write("nested/ratings.yaml", Ratings());
        source.Start();
        time.Advance(FileSource.DefaultDebounce);

        Assert.Contains(source.Current.Resources, r => r.Name == "ratings");
    }
}
