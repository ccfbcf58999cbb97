using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Sources;
using static Switchyard.Tests.Sources.ConfigDirectory;
using static Switchyard.Tests.Sources.SourceWaits;

namespace Switchyard.Tests.Sources;

/// <summary>
/// A watched directory replaced whole (<c>mv cfg cfg.old; mv cfg.new cfg</c>, or removed and
/// created again): the watch on the old inode goes silent, so the source watches the name in the
/// parent directory, moves its watch to the new directory, reloads, and logs that it did.
/// </summary>
public class DirectoryReplacedTests
{
    [Fact]
    public async Task A_directory_replaced_by_rename_is_reloaded_and_watched_again()
    {
        using var dir = new ConfigDirectory();
        dir.Write("cfg/reviews.yaml", Reviews(90, 10));
        var cfg = dir.PathOf("cfg");
        var log = new RecordingLogger();
        using var source = new FileSource([cfg], new LoadOptions(), TimeProvider.System, TimeSpan.FromMilliseconds(50), log);
        source.LoadNow();
        await ReloadAfter(source, source.Start, _ => true);
        dir.Write("cfg.new/reviews.yaml", Reviews(50, 50));

        await ChangeAfter(source, () =>
        {
            Directory.Move(cfg, dir.PathOf("cfg.old"));
            Directory.Move(dir.PathOf("cfg.new"), cfg);
        }, s => V1Weight(s) == 50);
        // The new directory's own edits are seen: only a watch on it can report this one.
        var set = await ChangeAfter(source, () => dir.Write("cfg/reviews.yaml", Reviews(30, 70)), s => V1Weight(s) == 30);

        Assert.Equal([Path.Combine(cfg, "reviews.yaml")], set.Files);
        Assert.Contains($"files: the watched directory {cfg} was replaced (renamed or re-created); watching the new one and reloading",
            log.Messages(EventIds.WatchedDirectoryReplaced));
    }

    [Fact]
    public async Task A_directory_removed_and_created_again_is_watched_again()
    {
        using var dir = new ConfigDirectory();
        dir.Write("cfg/reviews.yaml", Reviews(90, 10));
        var cfg = dir.PathOf("cfg");
        using var source = new FileSource([cfg], new LoadOptions(), TimeProvider.System, TimeSpan.FromMilliseconds(50));
        source.LoadNow();
        await ReloadAfter(source, source.Start, _ => true);

        await ChangeAfter(source, () =>
        {
            Directory.Delete(cfg, recursive: true);
            dir.Write("cfg/reviews.yaml", Reviews(60, 40));
        }, s => V1Weight(s) == 60);
        var set = await ChangeAfter(source, () => dir.Write("cfg/reviews.yaml", Reviews(20, 80)), s => V1Weight(s) == 20);

        Assert.Equal(20, V1Weight(set));
    }
}
