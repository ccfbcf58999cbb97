using System.Text;

namespace Switchyard.Loading;

/// <summary>The real file system.</summary>
internal sealed class PhysicalConfigFileSystem : IConfigFileSystem
{
    public static readonly PhysicalConfigFileSystem Instance = new();

    public ConfigPathInfo Stat(string path)
    {
        if (UnixFileStatus.TryStat(path, out var info)) return info;
        return ManagedStat(path);
    }

    /// <summary>
    /// Where <c>statx</c> is not available: .NET cannot tell a FIFO from a regular file there, so
    /// only the size limit guards against one; identity is the fully resolved path.
    /// </summary>
    private static ConfigPathInfo ManagedStat(string path)
    {
        // File.Exists and Directory.Exists answer false on any error (EACCES on a parent too);
        // GetAttributes tells "not there" from "cannot tell", and only the first is Missing.
        try
        {
            var full = Path.GetFullPath(path);
            FileSystemInfo item = (File.GetAttributes(full) & FileAttributes.Directory) != 0 ? new DirectoryInfo(full) : new FileInfo(full);
            var target = item.LinkTarget is null ? item : item.ResolveLinkTarget(returnFinalTarget: true) ?? item;
            if (!target.Exists) return ConfigPathInfo.Missing;
            var id = new FileId(0, 0, target.FullName);
            return target is FileInfo file
                ? new ConfigPathInfo(ConfigPathKind.File, id, file.Length)
                : new ConfigPathInfo(ConfigPathKind.Directory, id, 0);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return ConfigPathInfo.Missing;
        }
    }

    public IReadOnlyList<string> EntriesOf(string directory)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = false,
            // The default skips what it cannot open; a skipped directory would read as deleted.
            IgnoreInaccessible = false,
            AttributesToSkip = 0,
            MatchType = MatchType.Simple,
        };
        var names = new List<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(directory, "*", options)) names.Add(Path.GetFileName(entry));
        return names;
    }

    public string ReadAllText(string file, long maxBytes)
    {
        // Bounded even when the file grows between the listing's stat and this read: never more
        // than the limit and one byte is held in memory.
        maxBytes = Math.Min(maxBytes, Array.MaxLength - 1);
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        var length = stream.Length;
        if (length > maxBytes) throw new FileTooLargeException(file, length, maxBytes);
        var buffer = new byte[Math.Min(length, maxBytes) + 1];
        var read = 0;
        while (true)
        {
            if (read == buffer.Length)
            {
                if (read > maxBytes) throw new FileTooLargeException(file, read, maxBytes);
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
            }
            var n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0) break;
            read += n;
        }
        if (read > maxBytes) throw new FileTooLargeException(file, read, maxBytes);
        // As File.ReadAllText: UTF-8 unless a byte order mark says otherwise.
        using var reader = new StreamReader(new MemoryStream(buffer, 0, read), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
