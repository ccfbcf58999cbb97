using System.Buffers;

namespace Switchyard.Proxy.Hosting;

/// <summary>The HTTP/2 client connection preface (RFC 9113 §3.4) and how a connection's first bytes compare to it.</summary>
internal static class Http2Preface
{
    internal enum Verdict { NeedMore, Http1, Http2 }

    public static ReadOnlySpan<byte> Bytes => "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8;

    /// <summary>
    /// Http2 when the bytes start with the whole preface; NeedMore while what has arrived is a
    /// proper prefix of it; Http1 as soon as one byte differs. Envoy (codec_type AUTO) decides on
    /// its first read alone and treats a partial preface as HTTP/1; waiting for the rest only
    /// differs for a client whose preface is split across reads, which it serves correctly.
    /// </summary>
    public static Verdict Classify(ReadOnlySequence<byte> buffer)
    {
        var preface = Bytes;
        var length = (int)Math.Min(buffer.Length, preface.Length);
        Span<byte> head = stackalloc byte[preface.Length];
        buffer.Slice(0, length).CopyTo(head);
        if (!head[..length].SequenceEqual(preface[..length])) return Verdict.Http1;
        return length == preface.Length ? Verdict.Http2 : Verdict.NeedMore;
    }
}
