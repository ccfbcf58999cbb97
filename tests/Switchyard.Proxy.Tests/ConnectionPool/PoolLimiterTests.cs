using Switchyard.Proxy.ConnectionPool;
using Switchyard.Translation.Policies.ConnectionPool;

namespace Switchyard.Proxy.Tests.ConnectionPool;

/// <summary>The breakers alone: Envoy's max_retries budget and the HTTP/1.1 pending queue.</summary>
public class PoolLimiterTests
{
    private static PoolLimiter With(long connections = PoolLimits.Unlimited, long pending = PoolLimits.Unlimited, long retries = PoolLimits.Unlimited) =>
        new(PoolLimits.Default with { MaxConnections = connections, MaxPendingRequests = pending, MaxRetries = retries });

    [Fact]
    public void MaxRetries_allows_that_many_concurrent_retries_and_refuses_the_next_until_one_ends()
    {
        var pool = With(retries: 2);
        Assert.True(pool.TryStartRetry());
        Assert.True(pool.TryStartRetry());
        Assert.False(pool.TryStartRetry());
        pool.EndRetry();
        Assert.True(pool.TryStartRetry());
        Assert.Equal(2, pool.ActiveRetries);
    }

    [Fact]
    public void MaxRetries_default_is_Istio_2_pow_32_minus_1()
    {
        Assert.Equal(uint.MaxValue, PoolLimits.From(new() { Http = new() }).MaxRetries);
        var pool = With();
        for (var i = 0; i < 10_000; i++) Assert.True(pool.TryStartRetry());
    }

    [Fact]
    public async Task A_freed_connection_goes_to_the_oldest_pending_request()
    {
        var pool = With(connections: 1, pending: 2);
        var first = await pool.AcquireAsync(http1: true, CancellationToken.None);
        var second = pool.AcquireAsync(http1: true, CancellationToken.None).AsTask();
        var third = pool.AcquireAsync(http1: true, CancellationToken.None).AsTask();
        Assert.Null(await pool.AcquireAsync(http1: true, CancellationToken.None));
        Assert.Equal(2, pool.PendingRequests);
        first!.Dispose();
        first.Dispose();
        var lease = await second;
        Assert.NotNull(lease);
        Assert.False(third.IsCompleted);
        lease!.Dispose();
        (await third)!.Dispose();
        Assert.Equal((0L, 0L, 0), (pool.ActiveRequests, pool.ActiveConnections, pool.PendingRequests));
    }

    [Fact]
    public async Task A_cancelled_pending_request_leaves_the_queue()
    {
        var pool = With(connections: 1, pending: 1);
        using var lease = await pool.AcquireAsync(http1: true, CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var waiting = pool.AcquireAsync(http1: true, cts.Token).AsTask();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal((1L, 0), (pool.ActiveRequests, pool.PendingRequests));
    }
}
