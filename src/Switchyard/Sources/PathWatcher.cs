using Microsoft.Extensions.Logging;
using Switchyard.Loading;

namespace Switchyard.Sources;

/// <summary>
/// File system watchers over the source's paths: a directory recursively, a single file through
/// its directory (so deleting and re-creating it, as editors that save by rename do, is seen).
/// Every relevant event calls <c>onChange</c>; what changed is not tracked, a reload re-reads all.
/// <para>
/// A watch follows an inode, not a name: after <c>mv cfg cfg.old; mv cfg.new cfg</c> (how deploy
/// scripts swap a config directory whole) the watch on <c>cfg</c> still follows the old directory
/// and never fires again. So each watched directory's parent is watched too, for that one name;
/// when the name comes to point at another directory (see <see cref="WatchedDirectory"/>), the
/// watch moves to it, the source reloads, and the log says so.
/// </para>
/// </summary>
internal sealed class PathWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = new();
    private readonly List<WatchedDirectory> _directories = new();
    private readonly Action _onChange;
    private readonly ILogger _logger;
    private readonly string _source;
    private readonly Lock _gate = new();
    private bool _disposed;

    public PathWatcher(IEnumerable<string> paths, Action onChange, ILogger logger, string source)
    {
        _onChange = onChange;
        _logger = logger;
        _source = source;
        foreach (var path in paths)
        {
            if (path == "-") continue;
            try
            {
                var full = Path.GetFullPath(path);
                var info = PhysicalConfigFileSystem.Instance.Stat(full);
                if (info.Kind == ConfigPathKind.Directory) WatchDirectory(full, info.Id, path);
                else if (Path.GetDirectoryName(full) is { } dir && Directory.Exists(dir)) _watchers.Add(Watch(dir, Path.GetFileName(full)));
                else Log.WatchFailed(logger, source, path, "neither it nor its directory exists");
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                // Out of inotify watches (ENOSPC) lands here: the source still reloads on its
                // other paths' events, so this is a warning, not a stop.
                Log.WatchFailed(logger, source, path, $"{ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    /// <summary>Watches <paramref name="path"/> (full) and its name in its parent; logs name it as the user gave it (<paramref name="given"/>).</summary>
    private void WatchDirectory(string path, FileId id, string given)
    {
        var watched = new WatchedDirectory(path, given, id, Watch(path, filter: null));
        _directories.Add(watched);
        if (Path.GetDirectoryName(path) is not { } parent) return;
        try
        {
            var name = new FileSystemWatcher(parent, Path.GetFileName(path))
            {
                IncludeSubdirectories = false,
                NotifyFilter = NotifyFilters.DirectoryName | NotifyFilters.FileName,
            };
            name.Created += (_, _) => Recheck(watched);
            name.Deleted += (_, _) => Recheck(watched);
            name.Renamed += (_, _) => Recheck(watched);
            name.EnableRaisingEvents = true;
            _watchers.Add(name);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            Log.WatchFailed(_logger, _source, parent, $"{ex.GetType().Name}: {ex.Message}; a replacement of {path} will not be seen");
        }
    }

    /// <summary>The directory's name changed hands in its parent: follow it to the directory it names now.</summary>
    private void Recheck(WatchedDirectory watched)
    {
        lock (_gate)
        {
            if (_disposed) return;
            try
            {
                if (watched.Recheck(PhysicalConfigFileSystem.Instance.Stat(watched.Path), () => Watch(watched.Path, filter: null)))
                    Log.WatchedDirectoryReplaced(_logger, _source, watched.Given);
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                Log.WatchFailed(_logger, _source, watched.Path, $"{ex.GetType().Name}: {ex.Message}");
            }
        }
        _onChange();
    }

    private FileSystemWatcher Watch(string directory, string? filter)
    {
        var watcher = new FileSystemWatcher(directory)
        {
            IncludeSubdirectories = filter is null,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        if (filter is not null) watcher.Filter = filter;
        var anyName = filter is not null;
        watcher.Created += (_, e) => OnEvent(anyName, e.FullPath);
        watcher.Changed += (_, e) => OnEvent(anyName, e.FullPath);
        watcher.Deleted += (_, e) => OnEvent(anyName, e.FullPath);
        watcher.Renamed += (_, e) => OnEvent(anyName, e.FullPath, e.OldFullPath);
        // Overflow: events were lost, so reload to be sure.
        watcher.Error += (_, e) =>
        {
            Log.WatchEventsLost(_logger, _source, directory, e.GetException()?.Message ?? "unknown");
            _onChange();
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void OnEvent(bool anyName, string path, string? oldPath = null)
    {
        if (anyName || Relevant(path) || oldPath is not null && Relevant(oldPath)) _onChange();
    }

    /// <summary>
    /// A config file; a name without extension (possibly a directory being removed or renamed,
    /// whose files vanish with it); or kubelet's <c>..data</c> link being swapped, which is how a
    /// ConfigMap volume is updated. Editors' swap and backup files are ignored.
    /// </summary>
    private static bool Relevant(string path)
    {
        var name = Path.GetFileName(path.AsSpan());
        return Path.GetExtension(name).Length == 0 || ConfigFiles.IsAtomicWriterName(name) || ConfigFiles.IsConfigFile(path);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var d in _directories) d.Dispose();
            _directories.Clear();
            foreach (var w in _watchers)
            {
                w.EnableRaisingEvents = false;
                w.Dispose();
            }
            _watchers.Clear();
        }
    }
}
