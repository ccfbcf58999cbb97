namespace Switchyard.Proxy.Runtime;

/// <summary>Shadow copies in flight to one mirror cluster; beyond the bound a copy is dropped,
/// never queued. Lives on the cluster's runtime, so the count survives reloads with the cluster.</summary>
public sealed class MirrorSlots(int capacity)
{
    private int _inFlight;

    public int Capacity { get; } = capacity;

    public int InFlight => Volatile.Read(ref _inFlight);

    public bool TryTake()
    {
        if (Interlocked.Increment(ref _inFlight) <= Capacity) return true;
        Interlocked.Decrement(ref _inFlight);
        return false;
    }

    public void Return() => Interlocked.Decrement(ref _inFlight);
}
