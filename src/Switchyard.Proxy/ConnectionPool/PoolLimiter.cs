using Switchyard.Translation.Policies.ConnectionPool;

namespace Switchyard.Proxy.ConnectionPool;

/// <summary>
/// A cluster's circuit breakers, as Envoy keeps them per cluster (not per endpoint):
/// <c>max_requests</c> (http2MaxRequests) bounds all outstanding requests; for HTTP/1.1, where a
/// connection carries one request at a time, <c>max_connections</c> bounds the requests holding a
/// connection and <c>max_pending_requests</c> (http1MaxPendingRequests) the ones queued for one;
/// <c>max_retries</c> bounds concurrent retries. Anything past a limit is refused at once (503 UO),
/// never queued. Lives in the ClusterRuntime, so the counts survive a snapshot swap.
/// </summary>
public sealed class PoolLimiter(PoolLimits limits)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<TaskCompletionSource> _pending = new();
    private long _requests;
    private long _connections;
    private long _retries;

    public PoolLimits Limits { get; } = limits;

    /// <summary>Requests admitted and not finished (Envoy's upstream_rq_active).</summary>
    public long ActiveRequests => Interlocked.Read(ref _requests);

    /// <summary>HTTP/1.1 requests holding a connection (Envoy's upstream_cx_active, one request each).</summary>
    public long ActiveConnections { get { lock (_gate) return _connections; } }

    /// <summary>HTTP/1.1 requests waiting for a connection (Envoy's upstream_rq_pending_active).</summary>
    public int PendingRequests { get { lock (_gate) return _pending.Count; } }

    /// <summary>Admits one request, waiting for a connection if it may queue; null means overflow.</summary>
    public ValueTask<PoolLease?> AcquireAsync(bool http1, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _requests) > Limits.MaxRequests)
        {
            Interlocked.Decrement(ref _requests);
            return ValueTask.FromResult<PoolLease?>(null);
        }
        if (!http1) return ValueTask.FromResult<PoolLease?>(new PoolLease(this, holdsConnection: false));
        LinkedListNode<TaskCompletionSource> waiter;
        lock (_gate)
        {
            if (_connections < Limits.MaxConnections)
            {
                _connections++;
                return ValueTask.FromResult<PoolLease?>(new PoolLease(this, holdsConnection: true));
            }
            if (_pending.Count >= Limits.MaxPendingRequests)
            {
                Interlocked.Decrement(ref _requests);
                return ValueTask.FromResult<PoolLease?>(null);
            }
            waiter = _pending.AddLast(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
        return WaitAsync(waiter, cancellationToken);
    }

    private async ValueTask<PoolLease?> WaitAsync(LinkedListNode<TaskCompletionSource> waiter, CancellationToken cancellationToken)
    {
        try
        {
            await waiter.Value.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new PoolLease(this, holdsConnection: true);
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                // Still queued: leave the queue. Already handed a connection: pass it on.
                if (waiter.List is not null) _pending.Remove(waiter);
                else ReleaseConnectionLocked();
            }
            Interlocked.Decrement(ref _requests);
            throw;
        }
    }

    internal void Release(bool holdsConnection)
    {
        if (holdsConnection)
            lock (_gate) ReleaseConnectionLocked();
        Interlocked.Decrement(ref _requests);
    }

    // A freed connection goes straight to the oldest pending request, as Envoy's pool attaches
    // pending streams to a client as it becomes ready.
    private void ReleaseConnectionLocked()
    {
        var next = _pending.First;
        if (next is null)
        {
            _connections--;
            return;
        }
        _pending.RemoveFirst();
        next.Value.TrySetResult();
    }

    /// <summary>Envoy's max_retries breaker: false when as many retries as allowed are already in
    /// flight for this cluster, and the retry must not be made. Envoy then returns the response it
    /// has and flags the request UO (retry overflow, upstream_rq_retry_overflow); it sends no
    /// x-envoy-overloaded header in that case. Every true must be paired with <see cref="EndRetry"/>.</summary>
    public bool TryStartRetry()
    {
        if (Interlocked.Increment(ref _retries) <= Limits.MaxRetries) return true;
        Interlocked.Decrement(ref _retries);
        return false;
    }

    public void EndRetry() => Interlocked.Decrement(ref _retries);

    /// <summary>Retries in flight (Envoy's upstream_rq_retry active count).</summary>
    public long ActiveRetries => Interlocked.Read(ref _retries);
}
