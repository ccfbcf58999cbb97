using Switchyard.Loading;

namespace Switchyard.Tests.Sources;

/// <summary>
/// The real file system, except that reading the file whose name ends with <see cref="GatedSuffix"/>
/// waits until <see cref="Open"/>: a round that is slow in the middle (a 50 MB file, a stalled
/// network mount), held exactly as long as the test wants, with no clock involved.
/// </summary>
internal sealed class GatedFileSystem(string gatedSuffix) : IConfigFileSystem, IDisposable
{
    private readonly ManualResetEventSlim _gate = new(false);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private readonly List<string> _reads = new();

    public string GatedSuffix { get; } = gatedSuffix;

    /// <summary>Completes when a read of the gated file has begun.</summary>
    public Task Entered => _entered.Task;

    /// <summary>The files read (or being read), in order.</summary>
    public IReadOnlyList<string> Reads
    {
        get
        {
            lock (_lock) return _reads.ToList();
        }
    }

    public void Open() => _gate.Set();

    public ConfigPathInfo Stat(string path) => PhysicalConfigFileSystem.Instance.Stat(path);

    public IReadOnlyList<string> EntriesOf(string directory) => PhysicalConfigFileSystem.Instance.EntriesOf(directory);

    public string ReadAllText(string file, long maxBytes)
    {
        lock (_lock) _reads.Add(Path.GetFileName(file));
        if (file.EndsWith(GatedSuffix, StringComparison.Ordinal))
        {
            _entered.TrySetResult();
            _gate.Wait(TestContext.Current.CancellationToken);
        }
        return PhysicalConfigFileSystem.Instance.ReadAllText(file, maxBytes);
    }

    // Opens the gate so no test thread stays stuck; the event itself is left to the finalizer,
    // since a reader may still be returning from Wait.
    public void Dispose() => _gate.Set();
}
