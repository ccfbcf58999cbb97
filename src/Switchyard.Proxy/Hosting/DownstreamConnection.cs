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
    private int _usedSincePass;

    /// <summary>No request in flight and not already being shed.</summary>
    public bool IsIdle => Volatile.Read(ref _inFlight) == 0 && Volatile.Read(ref _shedding) == 0;

    /// <summary>A request of this connection starts: it is busy until <see cref="RequestEnded"/>.
    /// Called from the handler's own try/finally, so marking costs no extra state machine.</summary>
    public void RequestStarted() => Interlocked.Increment(ref _inFlight);

    public void RequestEnded()
    {
        _usedSincePass = 1;
        Interlocked.Decrement(ref _inFlight);
    }

    /// <summary>True (once) if a request ended on this connection since the shedding scan last
    /// passed it: a keep-alive client between two requests is idle for microseconds, and must
    /// not be taken for an idle flood connection (a second chance, as the CLOCK page-replacement
    /// algorithm gives recently used pages).</summary>
    public bool TakeSecondChance() => Interlocked.Exchange(ref _usedSincePass, 0) == 1;

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
