using Switchyard.Diagnostics;
using Switchyard.Model;

namespace Switchyard.Loading;

/// <summary>
/// Which files are configuration, and how a directory is listed: the one place for the extension
/// list (<c>*.yaml</c>, <c>*.yml</c>, <c>*.json</c>, as <c>kubectl apply -f DIR</c> and
/// <c>istioctl analyze DIR</c> take them) and the order files are read in. The loader, the file
/// source and its watcher all ask here, so they never disagree about what a directory holds.
/// <para>
/// Symbolic links are followed, as <c>kubectl</c> follows them, but each real file is read once
/// (by device and inode, see <see cref="FileId"/>) and each real directory walked once, so a link
/// loop (<c>self -&gt; .</c>, <c>up -&gt; ..</c>) ends. Names starting with <c>..</c> are
/// skipped: that is how kubelet's atomic writer hides a ConfigMap volume's internals
/// (<c>..data -&gt; ..2026_12_03_17_00_00.123</c>) behind the visible <c>vs.yaml -&gt; ..data/vs.yaml</c>,
/// and the visible name is the one that stays the same across updates. Only regular files are
/// opened.
/// </para>
/// </summary>
public static class ConfigFiles
{
    /// <summary>The extensions read from a directory, compared without regard to case.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".yaml", ".yml", ".json"];

    /// <summary>Whether a file found in a directory is read as configuration.</summary>
    public static bool IsConfigFile(string path)
    {
        var ext = Path.GetExtension(path.AsSpan());
        foreach (var e in Extensions)
            if (ext.Equals(e, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Whether a name in a directory is kubelet's atomic-writer machinery (<c>..data</c>, <c>..2026_...</c>, <c>..data_tmp</c>).</summary>
    public static bool IsAtomicWriterName(ReadOnlySpan<char> name) => name.StartsWith("..", StringComparison.Ordinal);

    /// <summary>
    /// The configuration files under a directory, recursively, in ordinal order of their full
    /// paths, so messages and snapshots are deterministic. Listed completely before returning:
    /// an I/O error while listing (EMFILE, EACCES, a directory removed mid-walk) is thrown, never
    /// turned into a shorter list, because a shorter list would delete resources.
    /// </summary>
    public static IReadOnlyList<string> FilesUnder(string directory)
    {
        var listing = List(directory, PhysicalConfigFileSystem.Instance);
        var files = new List<string>(listing.Files.Count);
        foreach (var f in listing.Files) files.Add(f.Path);
        return files;
    }

    /// <summary>The listing of <paramref name="directory"/> through <paramref name="fs"/>, with its warnings.</summary>
    internal static ConfigListing List(string directory, IConfigFileSystem fs)
    {
        var walk = new Walk(fs);
        var root = fs.Stat(directory);
        if (root.Kind != ConfigPathKind.Directory) throw new DirectoryNotFoundException($"Could not find a part of the path '{directory}'.");
        walk.Visit(directory, root.Id);
        return walk.Finish();
    }

    private sealed class Walk(IConfigFileSystem fs)
    {
        private readonly List<ListedFile> _found = new();
        private readonly ConfigListing _listing = new();
        private readonly HashSet<FileId> _walked = new();
        // The directories from the root down to the one being listed: a link to any of them is a loop.
        private readonly List<(FileId Id, string Path)> _ancestors = new();

        public void Visit(string path, FileId id)
        {
            _walked.Add(id);
            _ancestors.Add((id, path));
            var names = new List<string>(fs.EntriesOf(path));
            names.Sort(StringComparer.Ordinal);
            foreach (var name in names)
            {
                if (IsAtomicWriterName(name)) continue;
                var entry = Path.Combine(path, name);
                var info = fs.Stat(entry);
                switch (info.Kind)
                {
                    case ConfigPathKind.Directory:
                        if (Ancestor(info.Id) is { } loop)
                            _listing.Warnings.Add(Diagnostic.Warning($"symlink loop: {entry} leads back to {loop}; not followed", new SourceSpan(entry, 0, 0)));
                        else if (!_walked.Contains(info.Id))
                            Visit(entry, info.Id);
                        break;
                    case ConfigPathKind.File when IsConfigFile(name):
                        _found.Add(new ListedFile(entry, info.Id, info.Size));
                        break;
                    case ConfigPathKind.Other when IsConfigFile(name):
                        _listing.Warnings.Add(NotRegular(entry, info));
                        break;
                }
            }
            _ancestors.RemoveAt(_ancestors.Count - 1);
        }

        private string? Ancestor(FileId id)
        {
            foreach (var (ancestor, path) in _ancestors)
                if (ancestor == id) return path;
            return null;
        }

        public ConfigListing Finish()
        {
            _found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            var seen = new HashSet<FileId>();
            foreach (var file in _found)
                if (seen.Add(file.Id)) _listing.Files.Add(file);
            return _listing;
        }
    }

    /// <summary>The warning for a FIFO, socket, device or looping link where a config file was expected; it is not opened.</summary>
    internal static Diagnostic NotRegular(string path, ConfigPathInfo info) =>
        Diagnostic.Warning($"not a regular file: {path} is {info.What ?? "not a regular file"}; skipped without opening it", new SourceSpan(path, 0, 0));
}
