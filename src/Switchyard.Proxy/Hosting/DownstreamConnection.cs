using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace Switchyard.Proxy.Hosting;

/// <summary>
/// One accepted downstream connection as <see cref="DownstreamConnectionLimit"/> tracks it: how
/// many requests it has in flight (none: it is idle, between requests or before its first), and
/// whether it was already asked to close. Set on the connection's features, so the outbound
/// handler marks its requests on it.
/// </summary>
internal sealed class DownstreamConnection(ConnectionContext connection)
{
    private int _inFlight;
    private int _shedding;

    /// <summary>No request in flight and not already being shed.</summary>
    public bool IsIdle => Volatile.Read(ref _inFlight) == 0 && Volatile.Read(ref _shedding) == 0;

    /// <summary>Runs one request of this connection, marked in flight until it ends. No extra
    /// state machine when the request completes synchronously.</summary>
    public Task ServeAsync(RequestDelegate handler, HttpContext context)
    {
        Interlocked.Increment(ref _inFlight);
        Task task;
        try
        {
            task = handler(context);
        }
        catch
        {
            Interlocked.Decrement(ref _inFlight);
            throw;
        }
        if (!task.IsCompleted) return EndAfterAsync(task);
        Interlocked.Decrement(ref _inFlight);
        return task;
    }

    private async Task EndAfterAsync(Task request)
    {
        try
        {
            await request.ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>Asks the connection to close, gracefully: Kestrel closes an idle HTTP/1.1
    /// keep-alive connection at once and lets a request that slipped in finish with
    /// <c>Connection: close</c> (HTTP/2: GOAWAY), as on shutdown; a connection still waiting for
    /// its first bytes closes at once. False if it was already asked.</summary>
    public bool TryShed()
    {
        if (Interlocked.Exchange(ref _shedding, 1) != 0) return false;
        if (connection.Features.Get<IConnectionLifetimeNotificationFeature>() is { } lifetime) lifetime.RequestClose();
        else connection.Abort(new ConnectionAbortedException("shed: the downstream connection limit is reached"));
        return true;
    }
}
