namespace Switchyard.Proxy.Upstream;

/// <summary>
/// An upstream HTTP/1.1 connection of the asterisk-form client (<see cref="AsteriskFormClient"/>):
/// SocketsHttpHandler always writes a request target that starts with <c>/</c>, so the request
/// line of every request this connection carries is rewritten to <c>OPTIONS * HTTP/1.1</c>, as
/// RFC 9112 3.2.4 asks of the last proxy ("MUST send a request-target of '*'"). A body sent after
/// "100 Continue" does not start with "OPTIONS " and is passed on untouched.
/// </summary>
public sealed class AsteriskFormStream(Stream inner) : RequestHeadStream(inner)
{
    private static readonly byte[] AsteriskTarget = "OPTIONS *"u8.ToArray();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var rest = TargetEnd(buffer.Span);
        return rest < 0 ? Inner.WriteAsync(buffer, cancellationToken) : WriteAsteriskAsync(buffer[rest..], cancellationToken);
    }

    private async ValueTask WriteAsteriskAsync(ReadOnlyMemory<byte> rest, CancellationToken cancellationToken)
    {
        await Inner.WriteAsync(AsteriskTarget, cancellationToken).ConfigureAwait(false);
        await Inner.WriteAsync(rest, cancellationToken).ConfigureAwait(false);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var rest = TargetEnd(buffer);
        if (rest < 0)
        {
            Inner.Write(buffer);
            return;
        }
        Inner.Write(AsteriskTarget);
        Inner.Write(buffer[rest..]);
    }

    /// <summary>When this write starts a request: the index of the space after its request target; else -1.</summary>
    private int TargetEnd(ReadOnlySpan<byte> buffer)
    {
        if (!StartsRequest(buffer) || !buffer.StartsWith("OPTIONS "u8)) return -1;
        var end = buffer[8..].IndexOf((byte)' ');
        return end < 0 ? -1 : 8 + end;
    }
}
