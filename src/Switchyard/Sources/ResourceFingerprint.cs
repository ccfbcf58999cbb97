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

    /// <summary>The resource's fingerprint; a resource that cannot be hashed adds a warning to <paramref name="problems"/>.</summary>
    public static string Of(Resource resource, List<Diagnostics.Diagnostic>? problems = null)
    {
        string body;
        try
        {
            body = JsonSerializer.Serialize(resource, Json.GetTypeInfo(resource.GetType()));
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
        {
            // Cannot happen with today's model; if a new field type defeats the serializer, a
            // fingerprint unique to this instance errs on the side of publishing, and the
            // warning (logged every round) says why every round republishes it.
            body = "unhashable:" + RuntimeHelpers.GetHashCode(resource).ToString(System.Globalization.CultureInfo.InvariantCulture);
            problems?.Add(Diagnostics.Diagnostic.Warning(
                $"cannot fingerprint {resource.Ref} ({ex.GetType().Name}: {ex.Message}); every reload republishes it", resource.Span, resource.Ref));
        }
        var text = $"{resource.Span.File}:{resource.Span.Line}\n{body}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
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
