using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Sources;
using static Switchyard.Tests.Sources.ConfigDirectory;

namespace Switchyard.Tests.Sources;

/// <summary>
/// Symbolic links are followed, but each real file is read once and each real directory walked
/// once. Before, <c>self -&gt; .</c> loaded every file 41 times (a duplicate error each) and
/// <c>self -&gt; .</c> with <c>up -&gt; ..</c> ran away at 45 MB/s.
/// </summary>
public class SymlinkTests
{
    [Fact]
    public void A_link_to_the_directory_itself_and_to_its_parent_loads_each_file_once_and_names_the_loops()
    {
        using var dir = new ConfigDirectory();
        dir.Write("cfg/reviews.yaml", Reviews(90, 10));
        dir.Write("cfg/sub/ratings.yaml", Ratings());
        var cfg = dir.PathOf("cfg");
        Directory.CreateSymbolicLink(Path.Combine(cfg, "self"), ".");
        Directory.CreateSymbolicLink(Path.Combine(cfg, "sub", "up"), "..");
        using var source = new FileSource([cfg], new LoadOptions(), TimeProvider.System, FileSource.DefaultDebounce);

        var set = source.LoadNow();

        Assert.Equal([Path.Combine(cfg, "reviews.yaml"), Path.Combine(cfg, "sub", "ratings.yaml")], set.Files);
        Assert.Equal(["reviews", "ratings"], set.Resources.Select(r => r.Name));
        Assert.Empty(set.Rejected);
        Assert.Equal(
            [
                $"symlink loop: {Path.Combine(cfg, "self")} leads back to {cfg}; not followed",
                $"symlink loop: {Path.Combine(cfg, "sub", "up")} leads back to {cfg}; not followed",
            ],
            set.Warnings.Select(w => w.Message));
    }

    [Fact]
    public void A_file_reached_by_a_link_and_by_its_own_name_is_read_once_under_the_first_name()
    {
        using var dir = new ConfigDirectory();
        var real = dir.Write("a/reviews.yaml", Reviews(90, 10));
        File.CreateSymbolicLink(dir.PathOf("b.yaml"), real);
        Directory.CreateSymbolicLink(dir.PathOf("c"), dir.PathOf("a"));

        var load = ConfigPipeline.Read([dir.Root, real], new LoadOptions());

        Assert.True(load.IsValid);
        Assert.Equal([real], load.Set.Files);
        Assert.Single(load.Set.Resources);
    }

    [Fact]
    public void A_link_to_a_directory_outside_the_tree_is_followed()
    {
        using var dir = new ConfigDirectory();
        dir.Write("shared/ratings.yaml", Ratings());
        dir.Write("cfg/reviews.yaml", Reviews(90, 10));
        Directory.CreateSymbolicLink(dir.PathOf("cfg/shared"), "../shared");

        var set = ConfigPipeline.Load([dir.PathOf("cfg")], new LoadOptions());

        Assert.Equal(["reviews", "ratings"], set.Resources.Select(r => r.Name));
        Assert.Equal([dir.PathOf("cfg/reviews.yaml"), dir.PathOf("cfg/shared/ratings.yaml")], set.Files);
    }

    [Fact]
    public void A_dangling_link_is_a_file_that_is_not_there()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10));
        // Emacs keeps its lock as a dangling link named .#file.
        File.CreateSymbolicLink(dir.PathOf(".#reviews.yaml"), "root@host.1234:1700000000");

        var load = ConfigPipeline.Read([dir.Root], new LoadOptions());

        Assert.True(load.IsValid);
        Assert.Empty(load.Set.Warnings);
        Assert.Equal([dir.PathOf("reviews.yaml")], load.Set.Files);
    }
}
