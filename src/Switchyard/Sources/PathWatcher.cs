using Switchyard.Diagnostics;
using Switchyard.Model;

namespace Switchyard.Sources;

/// <summary>
/// File system watchers over the source's paths: a directory recursively, a single file through
/// its directory (so deleting and re-creating it, as editors that save by rename do, is seen).
/// Every relevant event calls <c>onChange</c>; what changed is not tracked, a reload re-reads all.
/// </summary>
internal sealed class PathWatcher : IDisposable
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    private readonly List<FileSystemWatcher> _watchers = new();
    private readonly Action _onChange;

    public PathWatcher(IEnumerable<string> paths, Action onChange, Action<Diagnostic> log)
    {
        _onChange = onChange;
        foreach (var path in paths)
        {
            if (path == "-") continue;
            try
            {
                if (Directory.Exists(path)) Watch(path, filter: null);
                else if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir && Directory.Exists(dir)) Watch(dir, Path.GetFileName(path));
                else log(Diagnostic.Warning($"cannot watch {path}: neither it nor its directory exists", new SourceSpan(path, 0, 0)));
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                log(Diagnostic.Warning($"cannot watch {path}: {ex.Message}", new SourceSpan(path, 0, 0)));
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
        watcher.Error += (_, _) => _onChange();
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
        var ext = Path.GetExtension(path);
        return ext.Length == 0 || Extensions.Contains(ext, StringComparer.OrdinalIgnoreCase);
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
