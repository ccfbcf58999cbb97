namespace Switchyard.Loading;

/// <summary>
/// The file system calls that reading configuration makes, and nothing else, so a test can make
/// them fail the way a loaded host does ("Too many open files", a permission change, a read that
/// takes seconds) without root-proof tricks like <c>chmod 000</c>. Every method throws on an I/O
/// error instead of answering "nothing there": the caller decides that a failed read fails the round.
/// </summary>
internal interface IConfigFileSystem
{
    /// <summary>
    /// What <paramref name="path"/> is, following symbolic links, without opening it;
    /// <see cref="ConfigPathKind.Missing"/> only when it does not exist (or is a dangling link).
    /// </summary>
    ConfigPathInfo Stat(string path);

    /// <summary>The names in one directory (not recursive, not sorted). The walk is <see cref="ConfigFiles.List"/>'s.</summary>
    IReadOnlyList<string> EntriesOf(string directory);

    /// <summary>
    /// The regular file's text. <see cref="FileTooLargeException"/> when it holds more than
    /// <paramref name="maxBytes"/>; <see cref="FileNotFoundException"/> or
    /// <see cref="DirectoryNotFoundException"/> when it is gone.
    /// </summary>
    string ReadAllText(string file, long maxBytes);
}

/// <summary>A config file over the size limit for one file (see <see cref="LoadOptions.MaxFileBytes"/>).</summary>
internal sealed class FileTooLargeException(string file, long size, long limit)
    : IOException($"{file} is {size} bytes, over the limit of {limit} bytes")
{
    public string File { get; } = file;

    public long Size { get; } = size;

    public long Limit { get; } = limit;
}
