using Switchyard.Loading;

namespace Switchyard.Sources;

/// <summary>
/// A watched directory as a name and the directory it named when the watch began (device and
/// inode). When the name is found naming another directory (renamed over, or removed and
/// created again), the old watch, which follows the old inode, is dropped and a new one made.
/// </summary>
internal sealed class WatchedDirectory(string path, string given, FileId id, FileSystemWatcher? watcher) : IDisposable
{
    private FileId _id = id;
    private FileSystemWatcher? _watcher = watcher;

    /// <summary>The full path watched.</summary>
    public string Path { get; } = path;

    /// <summary>The path as the user gave it, for messages.</summary>
    public string Given { get; } = given;

    /// <summary>
    /// Called when the name was created, removed or renamed in its parent: the directory there
    /// now, if any, is watched afresh (even with the same inode, which a file system may reuse
    /// for a directory removed and created again). True when it is a different directory from
    /// the one watched; while the name is missing nothing is watched.
    /// </summary>
    public bool Recheck(ConfigPathInfo now, Func<FileSystemWatcher> watch)
    {
        if (now.Kind != ConfigPathKind.Directory)
        {
            Drop();
            return false;
        }
        var replaced = _watcher is null || now.Id != _id;
        Drop();
        _watcher = watch();
        _id = now.Id;
        return replaced;
    }

    private void Drop()
    {
        if (_watcher is null) return;
        _watcher.EnableRaisingEvents = false;
        _watcher.Dispose();
        _watcher = null;
    }

    public void Dispose() => Drop();
}
