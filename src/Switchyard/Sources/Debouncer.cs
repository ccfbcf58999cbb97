namespace Switchyard.Sources;

/// <summary>
/// Runs an action once a burst of pokes has been quiet for <c>delay</c> (an editor's save is
/// several file events; a <c>git checkout</c> is hundreds). A burst that never pauses still
/// fires after <see cref="MaxWaitFactor"/> delays, so a busy directory cannot starve reloads.
/// Timers come from the <see cref="TimeProvider"/>, so tests may drive it with a fake clock.
/// </summary>
internal sealed class Debouncer : IDisposable
{
    public const int MaxWaitFactor = 10;

    private readonly TimeProvider _time;
    private readonly TimeSpan _delay;
    private readonly Action _action;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private bool _pending;
    private long _burstStart;
    private bool _disposed;

    public Debouncer(TimeProvider time, TimeSpan delay, Action action)
    {
        _time = time;
        _delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
        _action = action;
        _timer = time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Poke()
    {
        lock (_gate)
        {
            if (_disposed) return;
            if (!_pending)
            {
                _pending = true;
                _burstStart = _time.GetTimestamp();
            }
            var waited = _time.GetElapsedTime(_burstStart);
            var due = waited >= _delay * MaxWaitFactor ? TimeSpan.Zero : _delay;
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private void Fire()
    {
        lock (_gate)
        {
            if (_disposed || !_pending) return;
            _pending = false;
        }
        // A poke arriving while the action runs starts a new burst and a later run: the action
        // must re-read everything, so no change is lost.
        _action();
    }

    public void Dispose()
    {
        lock (_gate) _disposed = true;
        _timer.Dispose();
    }
}
