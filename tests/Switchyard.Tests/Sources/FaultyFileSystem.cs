using Switchyard.Loading;

namespace Switchyard.Tests.Sources;

/// <summary>
/// The real file system, except that listing or reading fails while a fault is set: the way a
/// proxy out of file descriptors ("Too many open files") or a permission change looks to the
/// source. Tests run as root, where chmod cannot deny a read, so the failure is injected here.
/// </summary>
internal sealed class FaultyFileSystem : IConfigFileSystem
{
    /// <summary>Thrown by every listing while set.</summary>
    public Exception? ListFault { get; set; }

    /// <summary>Thrown by reads of files whose name ends with <see cref="ReadFaultSuffix"/> while set.</summary>
    public Exception? ReadFault { get; set; }

    public string ReadFaultSuffix { get; set; } = "";

    public static IOException TooManyOpenFiles() => new("Too many open files");

    public ConfigPathInfo Stat(string path) => PhysicalConfigFileSystem.Instance.Stat(path);

    public IReadOnlyList<string> EntriesOf(string directory) =>
        ListFault is { } fault ? throw fault : PhysicalConfigFileSystem.Instance.EntriesOf(directory);

    public string ReadAllText(string file, long maxBytes) =>
        ReadFault is { } fault && file.EndsWith(ReadFaultSuffix, StringComparison.Ordinal) ? throw fault : PhysicalConfigFileSystem.Instance.ReadAllText(file, maxBytes);
}
