using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Switchyard.Model;

namespace Switchyard.Sources;

/// <summary>
/// A content hash of one resource, to tell a real change from a rewrite of the same text. The
/// model records hold lists, which records compare by reference, so we hash a JSON rendering of
/// the fields instead. The document's file and line are part of it: they are the provenance that
/// routes, metrics and messages print, so moving a resource is a change worth publishing.
/// </summary>
internal static class ResourceFingerprint
{
    // The generated context already carries the null handling, number handling and depth.
    private static readonly JsonSerializerOptions Json = new(ResourceFingerprintJson.Default.Options)
    {
        TypeInfoResolver = ResourceFingerprintJson.Default.WithAddedModifier(DropNonFields),
    };

    // One buffer and writer per thread: a fingerprint per resource per round made a string of the
    // JSON, another of it with the position, and a UTF-8 copy of that, which for 20,000
    // resources was more than loading them allocated. The bytes hashed are the same as before.
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    /// <summary>The resource's fingerprint; a resource that cannot be hashed adds a warning to <paramref name="problems"/>.</summary>
    public static string Of(Resource resource, List<Diagnostics.Diagnostic>? problems = null)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        Encoding.UTF8.GetBytes($"{resource.Span.File}:{resource.Span.Line}\n", buffer);
        try
        {
            var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = Json.MaxDepth, SkipValidation = true });
            writer.Reset(buffer);
            JsonSerializer.Serialize(writer, resource, Json.GetTypeInfo(resource.GetType()));
            writer.Flush();
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
        {
            // Cannot happen with today's model; if a new field type defeats the serializer, a
            // fingerprint unique to this instance errs on the side of publishing, and the
            // warning (logged every round) says why every round republishes it.
            t_writer = null;
            buffer.ResetWrittenCount();
            Encoding.UTF8.GetBytes($"{resource.Span.File}:{resource.Span.Line}\nunhashable:{RuntimeHelpers.GetHashCode(resource).ToString(System.Globalization.CultureInfo.InvariantCulture)}", buffer);
            problems?.Add(Diagnostics.Diagnostic.Warning(
                $"cannot fingerprint {resource.Ref} ({ex.GetType().Name}: {ex.Message}); every reload republishes it", resource.Span, resource.Ref));
        }
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        if (buffer.Capacity > 1 << 20) t_buffer = null; // not kept for one huge resource
        return Convert.ToHexString(hash);
    }

    private static void DropNonFields(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            var attributes = info.Properties[i].AttributeProvider?.GetCustomAttributes(typeof(NotAFieldAttribute), true);
            if (attributes is { Length: > 0 }) info.Properties.RemoveAt(i);
        }
    }
}
