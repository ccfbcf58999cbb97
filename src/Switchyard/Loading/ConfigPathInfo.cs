namespace Switchyard.Loading;

/// <summary>What a path names right now, after following symbolic links.</summary>
internal enum ConfigPathKind
{
    /// <summary>Nothing there, or a dangling link (an editor's lock file, a file deleted since the listing).</summary>
    Missing,

    /// <summary>A regular file: the only thing ever opened as configuration.</summary>
    File,

    Directory,

    /// <summary>A FIFO, a socket, a device, or a link that loops: never opened (a FIFO blocks the
    /// reader until a writer comes; <c>/dev/zero</c> never ends).</summary>
    Other,
}

/// <summary>
/// The identity of a file or directory, however it is reached: the device and inode of the
/// link's final target (as <c>find -L</c> and <c>cp -L</c> tell files apart), so a file reached
/// through a symlink, a Kubernetes ConfigMap's <c>..data</c> link or a hard link is read once.
/// Where inodes are not available, <see cref="Path"/> (the resolved full path) stands in.
/// </summary>
internal readonly record struct FileId(ulong Device, ulong Inode, string? Path = null);

/// <summary>One <c>stat</c> of a path: its kind, identity, size (regular files), and for
/// <see cref="ConfigPathKind.Other"/> what it is, in words ("a FIFO", "a character device").</summary>
internal readonly record struct ConfigPathInfo(ConfigPathKind Kind, FileId Id, long Size, string? What = null)
{
    public static readonly ConfigPathInfo Missing = new(ConfigPathKind.Missing, default, 0);
}
