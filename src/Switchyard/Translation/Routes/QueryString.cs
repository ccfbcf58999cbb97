using System.Buffers;
using System.Text;

namespace Switchyard.Translation.Routes;

/// <summary>
/// Reads a raw query string (no leading <c>?</c>) the way Envoy's route matcher does
/// (QueryParamsMulti::parseAndDecodeQueryString): pairs split on <c>&amp;</c>, key and value on the
/// first <c>=</c>, a key without <c>=</c> has the value "", keys and values percent-decoded
/// (UTF-8), and a repeated key yields its first value. <c>+</c> stays a plus, as in Envoy.
/// Lookups work on spans; decoding allocates nothing for short values.
/// </summary>
public static class QueryString
{
    private const int StackLimit = 256;

    /// <summary>The first value of <paramref name="name"/>, decoded; null when the key is absent.</summary>
    public static string? GetFirst(string query, string name)
    {
        if (!TryGetFirstRaw(query, name, out var raw))
        {
            return null;
        }
        return NeedsDecoding(raw) ? Decode(raw) : raw.ToString();
    }

    /// <summary>Every pair in order, decoded (for explain and the admin views, not the request path).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string query)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var position = 0;
        while (NextPair(query, ref position, out var start, out var length))
        {
            Split(query.AsSpan(start, length), out var key, out var value);
            pairs.Add(new(Decode(key), Decode(value)));
        }
        return pairs;
    }

    /// <summary>Percent-decodes a query key or value; malformed escapes are kept as written.</summary>
    public static string Decode(ReadOnlySpan<char> raw)
    {
        if (!NeedsDecoding(raw))
        {
            return raw.ToString();
        }
        var bytes = new byte[MaxBytes(raw.Length)];
        var count = DecodeToUtf8(raw, bytes);
        return Encoding.UTF8.GetString(bytes, 0, count);
    }

    internal static bool NeedsDecoding(ReadOnlySpan<char> raw) => raw.Contains('%');

    /// <summary>Finds the first pair whose decoded key is <paramref name="name"/>; returns its raw value.</summary>
    internal static bool TryGetFirstRaw(ReadOnlySpan<char> query, string name, out ReadOnlySpan<char> rawValue)
    {
        var position = 0;
        while (NextPair(query, ref position, out var start, out var length))
        {
            Split(query.Slice(start, length), out var key, out var value);
            if (KeyEquals(key, name))
            {
                rawValue = value;
                return true;
            }
        }
        rawValue = default;
        return false;
    }

    /// <summary>Decodes <paramref name="raw"/> into a pooled or stack buffer and matches it.</summary>
    internal static bool MatchDecoded<TPredicate>(ReadOnlySpan<char> raw, TPredicate predicate)
        where TPredicate : ISpanPredicate
    {
        var size = MaxBytes(raw.Length);
        byte[]? rentedBytes = null;
        char[]? rentedChars = null;
        Span<byte> bytes = size <= StackLimit ? stackalloc byte[StackLimit] : (rentedBytes = ArrayPool<byte>.Shared.Rent(size));
        Span<char> chars = size <= StackLimit ? stackalloc char[StackLimit] : (rentedChars = ArrayPool<char>.Shared.Rent(size));
        try
        {
            var byteCount = DecodeToUtf8(raw, bytes);
            var charCount = Encoding.UTF8.GetChars(bytes[..byteCount], chars);
            return predicate.Test(chars[..charCount]);
        }
        finally
        {
            if (rentedBytes is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedBytes);
            }
            if (rentedChars is not null)
            {
                ArrayPool<char>.Shared.Return(rentedChars);
            }
        }
    }

    private static bool KeyEquals(ReadOnlySpan<char> rawKey, string name)
    {
        if (!NeedsDecoding(rawKey))
        {
            return rawKey.SequenceEqual(name);
        }
        // A decoded key is never longer than its raw form.
        if (name.Length > rawKey.Length)
        {
            return false;
        }
        return MatchDecoded(rawKey, new KeyPredicate(name));
    }

    /// <summary>The next non-empty pair at or after <paramref name="position"/>, which moves past it.</summary>
    private static bool NextPair(ReadOnlySpan<char> query, ref int position, out int start, out int length)
    {
        while (position < query.Length)
        {
            start = position;
            var amp = query[position..].IndexOf('&');
            if (amp >= 0) amp += position;
            length = (amp < 0 ? query.Length : amp) - start;
            position = start + length + 1;
            if (length > 0)
            {
                return true;
            }
        }
        start = 0;
        length = 0;
        return false;
    }

    private static void Split(ReadOnlySpan<char> pair, out ReadOnlySpan<char> key, out ReadOnlySpan<char> value)
    {
        var eq = pair.IndexOf('=');
        key = eq < 0 ? pair : pair[..eq];
        value = eq < 0 ? default : pair[(eq + 1)..];
    }

    // A char is at most 3 UTF-8 bytes (a surrogate pair is 4 bytes for 2 chars); an escape is 1 for 3.
    private static int MaxBytes(int rawLength) => rawLength * 3;

    private static int DecodeToUtf8(ReadOnlySpan<char> raw, Span<byte> bytes)
    {
        var n = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '%' && i + 2 < raw.Length && IsHex(raw[i + 1]) && IsHex(raw[i + 2]))
            {
                bytes[n++] = (byte)((HexValue(raw[i + 1]) << 4) | HexValue(raw[i + 2]));
                i += 2;
            }
            else if (c < 0x80)
            {
                bytes[n++] = (byte)c;
            }
            else
            {
                var width = char.IsHighSurrogate(c) && i + 1 < raw.Length ? 2 : 1;
                n += Encoding.UTF8.GetBytes(raw.Slice(i, width), bytes[n..]);
                i += width - 1;
            }
        }
        return n;
    }

    private readonly struct KeyPredicate(string name) : ISpanPredicate
    {
        public bool Test(ReadOnlySpan<char> value) => value.SequenceEqual(name);
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
