using Microsoft.Extensions.Logging;
using Switchyard.Loading;

namespace Switchyard.Sources;

/// <summary>
/// File system watchers over the source's paths: a directory recursively, a single file through
/// its directory (so deleting and re-creating it, as editors that save by rename do, is seen).
/// Every relevant event calls <c>onChange</c>; what changed is not tracked, a reload re-reads all.
/// </summary>
internal sealed class PathWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = new();
    private readonly Action _onChange;
    private readonly ILogger _logger;
    private readonly string _source;

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
                if (Directory.Exists(path)) Watch(path, filter: null);
                else if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir && Directory.Exists(dir)) Watch(dir, Path.GetFileName(path));
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

    private void Watch(string directory, string? filter)
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
        _watchers.Add(watcher);
    }

    private void OnEvent(bool anyName, string path, string? oldPath = null)
    {
        if (anyName || Relevant(path) || oldPath is not null && Relevant(oldPath)) _onChange();
    }

    /// <summary>
    /// A config file, or a name without extension: possibly a directory being removed or
    /// renamed, whose files vanish with it. Editors' swap and backup files are ignored.
    /// </summary>
    private static bool Relevant(string path)
    {
        return Path.GetExtension(path.AsSpan()).Length == 0 || ConfigFiles.IsConfigFile(path);
    }

    public void Dispose()
    {
        foreach (var w in _watchers)
        {
            w.EnableRaisingEvents = false;
            w.Dispose();
        }
        _watchers.Clear();
    }
}
