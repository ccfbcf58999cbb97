using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchyard.Proxy.KubeApi;

/// <summary>
/// Writes a JSON object as block-style YAML, the way <c>kubectl get -o yaml</c> looks, for the
/// files the API stores: strings that a YAML reader could take for another type (<c>"true"</c>,
/// <c>"80"</c>, <c>"a: b"</c>) are double-quoted with JSON's escapes, which YAML reads the same.
/// </summary>
internal static class JsonToYaml
{
    public static string Write(JsonObject root)
    {
        var sb = new StringBuilder();
        WriteObject(sb, root, 0, firstInline: false);
        return sb.ToString();
    }

    private static void WriteObject(StringBuilder sb, JsonObject obj, int indent, bool firstInline)
    {
        var first = true;
        foreach (var (key, value) in obj)
        {
            if (!(first && firstInline)) sb.Append(' ', indent);
            first = false;
            sb.Append(Scalar(key)).Append(':');
            WriteValue(sb, value, indent);
        }
    }

    private static void WriteValue(StringBuilder sb, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: 0 }: sb.Append(" {}\n"); break;
            case JsonArray { Count: 0 }: sb.Append(" []\n"); break;
            case JsonObject o:
                sb.Append('\n');
                WriteObject(sb, o, indent + 2, firstInline: false);
                break;
            case JsonArray a:
                sb.Append('\n');
                foreach (var item in a)
                {
                    sb.Append(' ', indent).Append('-');
                    if (item is JsonObject { Count: > 0 } io)
                    {
                        sb.Append(' ');
                        WriteObject(sb, io, indent + 2, firstInline: true);
                    }
                    else WriteValue(sb, item, indent + 2);
                }
                break;
            default:
                sb.Append(' ').Append(ScalarValue(value)).Append('\n');
                break;
        }
    }

    private static string ScalarValue(JsonNode? value)
    {
        if (value is null) return "null";
        var v = value.AsValue();
        return v.GetValueKind() == JsonValueKind.String ? Scalar(v.GetValue<string>()) : v.ToJsonString();
    }

    // Go's %q escapes (\", \\, \n, \xhh) are also YAML's double-quoted escapes.
    private static string Scalar(string s) => IsPlainSafe(s) ? s : Analysis.GoFormat.Quote(s);

    /// <summary>Letters, digits and a few punctuation marks, not starting like another YAML token
    /// and not a word YAML 1.1 or 1.2 reads as a boolean, null or number.</summary>
    private static bool IsPlainSafe(string s)
    {
        if (s.Length == 0 || !(char.IsAsciiLetter(s[0]) || s[0] == '/' || s[0] == '_')) return false;
        foreach (var c in s)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')) return false;
        return s.ToLowerInvariant() is not ("true" or "false" or "yes" or "no" or "on" or "off" or "null" or "y" or "n" or "nan" or "inf");
    }
}
