using System.Buffers;
using System.Text;

namespace Switchyard.Loading;

/// <summary>
/// Reads a config file's text as <see cref="File.ReadAllText(string)"/> does (UTF-8, a byte order
/// mark dropped, invalid bytes as U+FFFD) but through a pooled byte buffer decoded straight into
/// the string: ReadAllText's reader and builder allocated four times the file's size, which for a
/// large repository was a third of what loading it cost.
/// </summary>
public static class ConfigText
{
    public static string ReadAllText(string path)
    {
        using var handle = File.OpenHandle(path);
        var length = RandomAccess.GetLength(handle);
        // Not a plain file of known size (a pipe reports 0), or too big for one buffer: the
        // framework's reader, which copes with anything.
        if (length <= 0 || length > Array.MaxLength / 2) return File.ReadAllText(path);
        var buffer = ArrayPool<byte>.Shared.Rent((int)length + 1);
        try
        {
            var read = 0;
            while (read < buffer.Length)
            {
                var n = RandomAccess.Read(handle, buffer.AsSpan(read), read);
                if (n == 0) break;
                read += n;
            }
            // Grew while we read it: let the framework's reader take the whole of it.
            if (read == buffer.Length) return File.ReadAllText(path);
            var bytes = buffer.AsSpan(0, read);
            // UTF-16 and UTF-32 byte order marks: ReadAllText decodes those; so do we, by it.
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
                || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
                return File.ReadAllText(path);
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
            return Encoding.UTF8.GetString(bytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
