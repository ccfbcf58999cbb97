namespace Switchyard.Loading;

/// <summary>What a path names right now.</summary>
internal enum ConfigPathKind
{
    Missing,
    File,
    Directory,
}

/// <summary>
/// The file system calls that reading configuration makes, and nothing else, so a test can make
/// them fail the way a loaded host does ("Too many open files", a permission change) without
/// root-proof tricks like <c>chmod 000</c>. Every method throws on an I/O error instead of
/// answering "nothing there": the caller decides that a failed read fails the round.
/// </summary>
internal interface IConfigFileSystem
{
    /// <summary>What <paramref name="path"/> is; <see cref="ConfigPathKind.Missing"/> only when it does not exist.</summary>
    ConfigPathKind KindOf(string path);

    /// <summary>The configuration files under a directory (see <see cref="ConfigFiles.FilesUnder"/>).</summary>
    IReadOnlyList<string> FilesUnder(string directory);

    /// <summary>The file's text; <see cref="FileNotFoundException"/> or <see cref="DirectoryNotFoundException"/> when it is gone.</summary>
    string ReadAllText(string file);
}

/// <summary>The real file system.</summary>
internal sealed class PhysicalConfigFileSystem : IConfigFileSystem
{
    public static readonly PhysicalConfigFileSystem Instance = new();

    public ConfigPathKind KindOf(string path)
    {
        // File.Exists and Directory.Exists answer false on any error (EACCES on a parent too);
        // GetAttributes tells "not there" from "cannot tell", and only the first is Missing.
        try
        {
            return (File.GetAttributes(path) & FileAttributes.Directory) != 0 ? ConfigPathKind.Directory : ConfigPathKind.File;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return ConfigPathKind.Missing;
        }
    }

    public IReadOnlyList<string> FilesUnder(string directory) => ConfigFiles.FilesUnder(directory);

    public string ReadAllText(string file) => File.ReadAllText(file);
}
