namespace Switchyard.Proxy.Timeouts;

/// <summary>The upstream response body as the forwarder reads it, telling the route timer when
/// the body has ended (the read that returns 0, or disposal) so the timer stops there: the
/// forwarder does not dispose a response it copied successfully.</summary>
internal sealed class BodyEndStream(Stream inner, IDisposable onEnd) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Ended(inner.Read(buffer, offset, count), count);

    public override int Read(Span<byte> buffer) => Ended(inner.Read(buffer), buffer.Length);

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Ended(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false), count);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Ended(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false), buffer.Length);

    // YARP's copier issues zero-byte reads to wait for data; only an empty answer to a real read is the end.
    private int Ended(int read, int asked)
    {
        if (read == 0 && asked > 0) onEnd.Dispose();
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            onEnd.Dispose();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
