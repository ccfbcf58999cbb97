namespace Switchyard.Soak.Reloads;

/// <summary>
/// When each good config was the only one that may answer: from the moment its version was seen
/// live on the admin API to the moment the next good edit was written. A request that started
/// and ended inside one window must be answered by that window's backend; one that spans a
/// switch may be answered by either side of it.
/// </summary>
internal sealed class ServedWindows
{
    private readonly Lock _gate = new();
    private readonly List<(long Start, long End, string Backend)> _windows = [];

    public void Open(long start, string backend)
    {
        lock (_gate) _windows.Add((start, long.MaxValue, backend));
    }

    public void CloseLast(long end)
    {
        lock (_gate) if (_windows.Count > 0) _windows[^1] = _windows[^1] with { End = end };
    }

    /// <summary>The backend that must have answered a request seen from <paramref name="start"/> to <paramref name="end"/>, or null when it spans a switch.</summary>
    public string? Expected(long start, long end)
    {
        lock (_gate)
        {
            for (var i = _windows.Count - 1; i >= 0; i--)
            {
                var w = _windows[i];
                if (w.Start <= start) return end <= w.End ? w.Backend : null;
            }
            return null;
        }
    }
}
