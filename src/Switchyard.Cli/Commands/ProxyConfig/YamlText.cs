using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Switchyard.Cli.Commands.ProxyConfig;

/// <summary>JSON as block YAML for <c>-o yaml</c>: maps and lists indented by two, strings quoted
/// only when YAML would read them as something else.</summary>
public static class YamlText
{
    public static string Write(JsonElement element)
    {
        var text = new StringBuilder();
        Node(text, element, 0, inList: false);
        return text.ToString();
    }

    private static void Node(StringBuilder text, JsonElement e, int indent, bool inList)
    {
        var pad = new string(' ', indent);
        switch (e.ValueKind)
        {
            case JsonValueKind.Object when e.EnumerateObject().Any():
                var first = true;
                foreach (var p in e.EnumerateObject())
                {
                    text.Append(first && inList ? "" : pad).Append(Scalar(p.Name)).Append(':');
                    first = false;
                    Child(text, p.Value, indent + 2);
                }
                break;
            case JsonValueKind.Array when e.GetArrayLength() > 0:
                var head = inList;
                foreach (var item in e.EnumerateArray())
                {
                    text.Append(head ? "" : pad).Append("- ");
                    head = false;
                    if (IsBlock(item)) Node(text, item, indent + 2, inList: true);
                    else text.Append(Leaf(item)).Append('\n');
                }
                break;
            default:
                text.Append(Leaf(e)).Append('\n');
                break;
        }
    }

    private static void Child(StringBuilder text, JsonElement value, int indent)
    {
        if (!IsBlock(value))
        {
            text.Append(' ').Append(Leaf(value)).Append('\n');
            return;
        }
        text.Append('\n');
        // A list under a key sits at the key's indentation, as kubectl prints it.
        Node(text, value, value.ValueKind == JsonValueKind.Array ? indent - 2 : indent, inList: false);
    }

    private static bool IsBlock(JsonElement e) =>
        (e.ValueKind == JsonValueKind.Object && e.EnumerateObject().Any()) || (e.ValueKind == JsonValueKind.Array && e.GetArrayLength() > 0);

    private static string Leaf(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "{}",
        JsonValueKind.Array => "[]",
        JsonValueKind.String => Scalar(e.GetString()!),
        JsonValueKind.Null => "null",
        _ => e.GetRawText(),
    };

    private static string Scalar(string s)
    {
        var plain = s.Length > 0 && !s.Any(c => ":#{}[],&*!|>'\"%@`".Contains(c) || char.IsWhiteSpace(c))
            && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            && s is not ("true" or "false" or "null" or "yes" or "no" or "~" or "-");
        return plain ? s : "\"" + JsonEncodedText.Encode(s, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";
    }
}
