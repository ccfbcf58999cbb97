using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchyard.Diagnostics;

/// <summary>
/// The one formatter of <see cref="Diagnostic"/>s, shared by <c>validate</c> and <c>analyze</c>
/// (and later the admin API): a plain line per message, or JSON.
/// </summary>
public static partial class DiagnosticFormatter
{
    /// <summary>
    /// <c>ERROR file:line Kind namespace/name field.path: message</c> — the validate line.
    /// Parts that are unknown (no resource for a file-level problem) are left out.
    /// </summary>
    public static string FormatValidateLine(Diagnostic d)
    {
        var sb = new StringBuilder();
        sb.Append(d.Severity switch { Severity.Error => "ERROR", Severity.Warning => "WARNING", _ => "INFO" });
        if (d.Span.File.Length > 0) sb.Append(' ').Append(d.Span.ToString());
        if (d.Resource is { } r) sb.Append(' ').Append(r.Kind).Append(' ').Append(r.Namespace).Append('/').Append(r.Name);
        if (!string.IsNullOrEmpty(d.FieldPath)) sb.Append(' ').Append(d.FieldPath);
        sb.Append(": ").Append(d.Message);
        return sb.ToString();
    }

    /// <summary>Sort order of istioctl's output: by origin, then line, then code and message.</summary>
    public static IEnumerable<Diagnostic> Sorted(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .OrderBy(d => d.Span.File, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line)
            .ThenBy(d => d.Resource?.ToString() ?? "", StringComparer.Ordinal)
            .ThenBy(d => d.FieldPath ?? "", StringComparer.Ordinal)
            .ThenBy(d => d.Code ?? "", StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal);

    public static string ToJson(IEnumerable<Diagnostic> diagnostics)
    {
        var rows = diagnostics.Select(d => new JsonRow(
            d.Severity.ToString(), d.Code, d.Message, d.Span.File.Length > 0 ? d.Span.File : null,
            d.Span.IsKnown ? d.Span.Line : null, d.Resource?.Kind, d.Resource?.Namespace, d.Resource?.Name,
            d.FieldPath, d.Hint)).ToList();
        return JsonSerializer.Serialize(rows, JsonContext.Default.ListJsonRow);
    }

    internal sealed record JsonRow(
        string Level, string? Code, string Message, string? File, int? Line,
        string? Kind, string? Namespace, string? Name, string? Field, string? Hint);

    [JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(List<JsonRow>))]
    internal sealed partial class JsonContext : JsonSerializerContext;
}
