namespace Switchyard.Proxy.ConnectionPool;

/// <summary>One request's place in the cluster's circuit breakers. Disposed when the downstream
/// request completes (response body copied), because for HTTP/1.1 the upstream connection is busy
/// until then; disposing twice is harmless.</summary>
public sealed class PoolLease : IDisposable
{
    private PoolLimiter? _limiter;
    private readonly bool _holdsConnection;

    internal PoolLease(PoolLimiter limiter, bool holdsConnection)
    {
        _limiter = limiter;
        _holdsConnection = holdsConnection;
    }

    public void Dispose() => Interlocked.Exchange(ref _limiter, null)?.Release(_holdsConnection);
}
