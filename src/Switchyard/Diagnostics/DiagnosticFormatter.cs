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

    /// <summary>
    /// istioctl analyze's log line: <c>Error [IST0101] (VirtualService default/frontend frontend.yaml:23) message</c>.
    /// With colour, the level word is wrapped in istioctl's ANSI codes.
    /// </summary>
    public static string FormatAnalyzeLine(Diagnostic d, bool color)
    {
        var level = d.Severity.ToString();
        if (color && d.Severity == Severity.Error) level = "\u001b[1;31m" + level + "\u001b[0m";
        else if (color && d.Severity == Severity.Warning) level = "\u001b[33m" + level + "\u001b[0m";
        var sb = new StringBuilder(level);
        if (d.Code is not null) sb.Append(" [").Append(d.Code).Append(']');
        var origin = Origin(d);
        if (origin.Length > 0) sb.Append(" (").Append(origin).Append(')');
        sb.Append(' ').Append(d.Message);
        return sb.ToString();
    }

    /// <summary><c>Kind ns/name file:line</c>, the parenthesised origin of an analyze line.</summary>
    public static string Origin(Diagnostic d)
    {
        var parts = new List<string>(2);
        if (d.Resource is { } r)
            parts.Add(r.Namespace.Length == 0 ? $"{r.Kind} {r.Name}" : $"{r.Kind} {r.Namespace}/{r.Name}");
        if (d.Span.File.Length > 0) parts.Add(d.Span.ToString());
        return string.Join(' ', parts);
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
        var options = new JsonSerializerOptions(JsonContext.Default.Options) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return JsonSerializer.Serialize(rows, new JsonContext(options).ListJsonRow);
    }

    /// <summary>istioctl's documentation link for a message code.</summary>
    public static string DocumentationUrl(string code) =>
        $"https://istio.io/latest/docs/reference/config/analysis/{code.ToLowerInvariant()}/?ref=istioctl-analyze";

    /// <summary>analyze -o json: istioctl's keys (sorted, tab-indented) plus our <c>hint</c>.</summary>
    public static string ToAnalyzeJson(IEnumerable<Diagnostic> diagnostics)
    {
        var rows = diagnostics.Select(AnalyzeRow.From).ToList();
        var options = new JsonSerializerOptions(AnalyzeJsonContext.Default.Options) { WriteIndented = true, IndentCharacter = '\t', IndentSize = 1, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return JsonSerializer.Serialize(rows, new AnalyzeJsonContext(options).ListAnalyzeRow);
    }

    /// <summary>analyze -o yaml: the same list as YAML.</summary>
    public static string ToAnalyzeYaml(IEnumerable<Diagnostic> diagnostics)
    {
        var rows = diagnostics.Select(AnalyzeRow.From).Select(r =>
        {
            var map = new Dictionary<string, string> { ["code"] = r.Code ?? "", ["documentationUrl"] = r.DocumentationUrl ?? "" };
            if (r.Hint is not null) map["hint"] = r.Hint;
            map["level"] = r.Level;
            map["message"] = r.Message;
            map["origin"] = r.Origin;
            if (r.Reference is not null) map["reference"] = r.Reference;
            return map;
        }).ToList();
        if (rows.Count == 0) return "[]\n";
        return AnalyzeYamlWriter.Write(rows);
    }

    /// <summary>One analyze message in istioctl's JSON shape; keys in sorted order as istioctl prints them.</summary>
    public sealed record AnalyzeRow(string? Code, string? DocumentationUrl, string? Hint, string Level, string Message, string Origin, string? Reference)
    {
        public static AnalyzeRow From(Diagnostic d) => new(
            d.Code,
            d.Code is null ? null : DiagnosticFormatter.DocumentationUrl(d.Code),
            d.Hint,
            d.Severity.ToString(),
            d.Message,
            d.Resource is { } r ? (r.Namespace.Length == 0 ? $"{r.Kind} {r.Name}" : $"{r.Kind} {r.Namespace}/{r.Name}") : "",
            d.Span.File.Length > 0 ? d.Span.ToString() : null);
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(List<AnalyzeRow>))]
    internal sealed partial class AnalyzeJsonContext : JsonSerializerContext;

    internal sealed record JsonRow(
        string Level, string? Code, string Message, string? File, int? Line,
        string? Kind, string? Namespace, string? Name, string? Field, string? Hint);

    [JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(List<JsonRow>))]
    internal sealed partial class JsonContext : JsonSerializerContext;
}
