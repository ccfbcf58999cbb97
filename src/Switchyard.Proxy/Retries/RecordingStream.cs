namespace Switchyard.Proxy.Retries;

/// <summary>The write side of <see cref="ReplayableContent"/>'s first attempt: passes every
/// write upstream and hands a copy to the content to keep.</summary>
internal sealed class RecordingStream(Stream upstream, ReplayableContent owner) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        owner.Record(buffer);
        upstream.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        owner.Record(buffer.Span);
        return upstream.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush() => upstream.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => upstream.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
