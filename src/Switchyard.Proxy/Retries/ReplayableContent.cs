using System.Buffers;
using System.Net;

namespace Switchyard.Proxy.Retries;

/// <summary>
/// A request body that can be sent again on a retry, as Envoy buffers it: the first attempt
/// streams the client's body upstream and keeps a copy as it goes; a retry sends the copy. A body
/// larger than the limit is not kept, and the request is then not retried (Envoy: "retry buffer
/// limit exceeded"). An attempt that never started sending (connect failure) leaves the client's
/// body untouched, so the next attempt streams it as the first would have.
/// <para>The copy lives in a buffer rented from <see cref="ArrayPool{T}.Shared"/>, returned by
/// <see cref="Release"/> when the request ends. A send still using the buffer then (an HTTP/2
/// upstream may read the body after the response) holds a reference, and the last one out returns it.</para>
/// </summary>
public sealed class ReplayableContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly int _limit;
    private byte[]? _copy;
    private int _length;
    private int _users = 1;
    private int _released;
    private volatile bool _started;
    private volatile bool _complete;
    private volatile bool _overflow;

    public ReplayableContent(HttpContent inner, int limit)
    {
        _inner = inner;
        _limit = limit;
        foreach (var header in inner.Headers.NonValidated)
            foreach (var value in header.Value)
                Headers.TryAddWithoutValidation(header.Key, value);
    }

    /// <summary>True when the next attempt can send the whole body: nothing was sent yet, or all
    /// of it was sent and kept.</summary>
    public bool CanReplay => !_started || (_complete && !_overflow);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _users) == 1)
        {
            // The request already ended and the buffer went back to the pool.
            Interlocked.Decrement(ref _users);
            throw new ObjectDisposedException(nameof(ReplayableContent));
        }
        try
        {
            if (!_started)
            {
                _started = true;
                await _inner.CopyToAsync(new RecordingStream(stream, this), cancellationToken).ConfigureAwait(false);
                _complete = true;
                return;
            }
            if (!CanReplay) throw new InvalidOperationException("The request body was not kept and cannot be sent again.");
            if (_length > 0) await stream.WriteAsync(_copy.AsMemory(0, _length), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Unuse();
        }
    }

    /// <summary>The request has ended: the buffer goes back to the pool once no send uses it.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) Unuse();
    }

    // Length comes from the Content-Length header copied from the client's request, if it had one.
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    internal void Record(ReadOnlySpan<byte> data)
    {
        if (_overflow || data.IsEmpty) return;
        if (_length + data.Length > _limit)
        {
            _overflow = true;
            ReturnBuffer();
            return;
        }
        if (_copy is null || _copy.Length - _length < data.Length)
        {
            var size = Math.Max(_copy is null ? InitialSize() : _copy.Length * 2, _length + data.Length);
            var grown = ArrayPool<byte>.Shared.Rent(Math.Min(size, _limit));
            if (_copy is not null)
            {
                _copy.AsSpan(0, _length).CopyTo(grown);
                ArrayPool<byte>.Shared.Return(_copy);
            }
            _copy = grown;
        }
        data.CopyTo(_copy.AsSpan(_length));
        _length += data.Length;
    }

    private void Unuse()
    {
        if (Interlocked.Decrement(ref _users) == 0) ReturnBuffer();
    }

    private void ReturnBuffer()
    {
        if (Interlocked.Exchange(ref _copy, null) is { } buffer) ArrayPool<byte>.Shared.Return(buffer);
    }

    // A declared length (within the limit) is rented once; otherwise start small and grow.
    private int InitialSize() => Headers.ContentLength is { } n && n > 0 && n <= _limit ? (int)n : Math.Min(4096, _limit);
}
