using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace Switchyard.Proxy.Hosting;

/// <summary>
/// A cap on the outbound listener's downstream connections, as Envoy's overload manager applies
/// <c>global_downstream_max_connections</c>: every connection holds a file descriptor and buffers,
/// so without a cap 20,000 idle clients ran the process out of files and memory. At the cap a new
/// connection first sheds the oldest idle one (no request in flight: Envoy's overload actions
/// close idle connections before refusing work); when none is idle it is closed at once, unread.
/// While the cap is reached <see cref="AtCap"/> is true and admin <c>/ready</c> answers 503.
/// Runs once per connection, never per request.
/// </summary>
public sealed class DownstreamConnectionLimit
{
    /// <summary>How many connections past the cap are admitted while the idle ones they shed
    /// close: a sixteenth of the cap, 1 to 64, so a burst cannot eat the file headroom the cap keeps.</summary>
    private volatile int _max;
    private volatile int _shedSlack;

    private readonly Lock _gate = new();
    private readonly LinkedList<DownstreamConnection> _open = new();
    private readonly ILogger _logger;
    private int _active;
    private int _accepted;
    private long _refused;
    private long _shed;
    private int _warned;

    public DownstreamConnectionLimit(int max, ILogger logger)
    {
        Max = max;
        _logger = logger;
    }

    /// <summary>The cap (<c>--max-connections</c>, or the default the host computes once its
    /// listeners run and the runtime's own files are open).</summary>
    public int Max
    {
        get => _max;
        internal set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _max = value;
            _shedSlack = Math.Clamp(value / 16, 1, 64);
        }
    }

    /// <summary>Downstream connections open now.</summary>
    public int Active => Volatile.Read(ref _active);

    /// <summary>True while the cap is reached: the readiness flip.</summary>
    public bool AtCap => Active >= Max;

    /// <summary>Connections closed on arrival because none could be shed (Envoy's downstream_cx_overflow).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Idle connections closed to admit new ones.</summary>
    public long Shed => Interlocked.Read(ref _shed);

    /// <summary>
    /// The accept gate, checked by the transport before Kestrel sees the connection: Kestrel
    /// accepts in a loop and queues each connection to the thread pool, so under a fast flood
    /// hundreds of sockets are open before the middleware counts one, and the process ran out of
    /// files (and the runtime aborted). Past the cap and its shedding slack an accepted socket is
    /// closed at once, in the accept loop, so open files stay bounded. False: close it.
    /// </summary>
    internal bool TryAdmitAccepted()
    {
        if (Interlocked.Increment(ref _accepted) <= _max + _shedSlack) return true;
        Interlocked.Decrement(ref _accepted);
        Interlocked.Increment(ref _refused);
        WarnOnce(_max);
        return false;
    }

    /// <summary>Once per episode of overload, not once per shed or refused connection.</summary>
    private void WarnOnce(int max)
    {
        if (Interlocked.Exchange(ref _warned, 1) == 0) Log.ConnectionLimitReached(_logger, max);
    }

    /// <summary>A connection admitted by <see cref="TryAdmitAccepted"/> was closed.</summary>
    internal void ReleaseAccepted() => Interlocked.Decrement(ref _accepted);

    /// <summary>The Kestrel connection middleware.</summary>
    public Func<ConnectionDelegate, ConnectionDelegate> Middleware => next => connection => OnConnectionAsync(connection, next);

    private async Task OnConnectionAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        var count = Interlocked.Increment(ref _active);
        var max = _max;
        if (count > max)
        {
            WarnOnce(max);
            if (count > max + _shedSlack || !ShedOldestIdle())
            {
                Interlocked.Decrement(ref _active);
                Interlocked.Increment(ref _refused);
                return; // Kestrel closes a connection whose middleware returns without serving it
            }
        }
        var tracked = new DownstreamConnection(connection);
        LinkedListNode<DownstreamConnection> node;
        lock (_gate) node = _open.AddLast(tracked);
        connection.Features.Set(tracked);
        try
        {
            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate) _open.Remove(node);
            if (Interlocked.Decrement(ref _active) < Max) Volatile.Write(ref _warned, 0);
        }
    }

    /// <summary>Asks the oldest idle connection to close; false when every connection is busy.
    /// A connection that served a request since the last scan passed it goes to the back instead,
    /// once: under an idle flood a busy keep-alive client (often the oldest connection) was
    /// otherwise shed in the microseconds between two of its requests, failing the request it
    /// was sending.</summary>
    private bool ShedOldestIdle()
    {
        while (true)
        {
            DownstreamConnection? oldest = null;
            lock (_gate)
            {
                // At most one second chance per open connection per scan, so the scan ends; when
                // every idle connection was used, the first of them to come round again is shed.
                var chances = _open.Count;
                for (var node = _open.First; node is not null;)
                {
                    var next = node.Next;
                    if (node.Value.IsIdle)
                    {
                        if (chances-- <= 0 || !node.Value.TakeSecondChance())
                        {
                            oldest = node.Value;
                            break;
                        }
                        _open.Remove(node);
                        _open.AddLast(node);
                        next ??= node; // it was the last one: look at it again, now without its chance
                    }
                    node = next;
                }
            }
            if (oldest is null) return false;
            if (!oldest.TryShed()) continue; // another arrival took it first
            Interlocked.Increment(ref _shed);
            return true;
        }
    }
}
