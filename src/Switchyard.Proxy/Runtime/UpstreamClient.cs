using Switchyard.Proxy.Upstream;
using Switchyard.Translation.Policies.ConnectionPool;

namespace Switchyard.Proxy.Runtime;

/// <summary>
/// A cluster's upstream client with a reference count, so a client a reload replaced is disposed
/// when its last request ends — not after a fixed grace period that cuts long streams, and not
/// kept open for a minute per reload (a reload storm ran out of file descriptors that way).
/// The cluster holds one reference until it retires the client; each request holds one from
/// pick to end (<see cref="ClusterRuntime.AcquireClient"/>).
/// </summary>
public sealed class UpstreamClient(UpstreamClientSpec spec, ClusterInvoker invoker)
{
    private int _references = 1;

    public UpstreamClientSpec Spec { get; } = spec;

    public ClusterInvoker Invoker { get; } = invoker;

    /// <summary>Raised once, after the invoker was disposed (tests observe retirement with it).</summary>
    public event Action<UpstreamClient>? Disposed;

    /// <summary>True once retired and the last request ended.</summary>
    public bool IsDisposed => Volatile.Read(ref _references) == 0;

    /// <summary>Requests holding the client now (the cluster's own reference not counted).</summary>
    public int ActiveRequests => Math.Max(0, Volatile.Read(ref _references) - (IsRetired ? 0 : 1));

    public bool IsRetired { get; private set; }

    /// <summary>False when the client is already disposed: the caller takes the cluster's new one.</summary>
    internal bool TryAcquire()
    {
        var current = Volatile.Read(ref _references);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref _references, current + 1, current);
            if (seen == current) return true;
            current = seen;
        }
        return false;
    }

    internal void Release()
    {
        if (Interlocked.Decrement(ref _references) != 0) return;
        Invoker.Dispose();
        Disposed?.Invoke(this);
    }

    /// <summary>The cluster gives up its reference; disposal follows the last request.</summary>
    internal void Retire()
    {
        if (IsRetired) return;
        IsRetired = true;
        Release();
    }
}
