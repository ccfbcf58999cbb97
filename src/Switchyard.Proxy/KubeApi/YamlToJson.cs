using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Switchyard.Proxy.KubeApi;

/// <summary>
/// YAML documents as JSON nodes, with YAML 1.2's core schema for plain scalars (as the API
/// server's sigs.k8s.io/yaml does: <c>true</c>, <c>null</c>, numbers untyped by quotes): the body
/// of a server-side apply (<c>application/apply-patch+yaml</c>) and the files the API stores.
/// </summary>
internal static class YamlToJson
{
    /// <summary>Every non-empty document in <paramref name="text"/>; throws <see cref="YamlException"/> on a syntax error.</summary>
    public static List<JsonNode> Documents(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var docs = new List<JsonNode>();
        foreach (var doc in stream.Documents)
            if (Convert(doc.RootNode) is { } node) docs.Add(node);
        return docs;
    }

    private static JsonNode? Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children) obj[((YamlScalarNode)key).Value ?? ""] = Convert(value);
                return obj;
            case YamlSequenceNode seq:
                var arr = new JsonArray();
                foreach (var item in seq.Children) arr.Add(Convert(item));
                return arr;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw new YamlException(node.Start, node.End, "aliases are not supported");
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain) return JsonValue.Create(text);
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL": return null;
            case "true" or "True" or "TRUE": return JsonValue.Create(true);
            case "false" or "False" or "FALSE": return JsonValue.Create(false);
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
        if (LooksNumeric(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return JsonValue.Create(d);
        return JsonValue.Create(text);
    }

    private static bool LooksNumeric(string text)
    {
        foreach (var c in text)
            if (!(char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-')) return false;
        return text.Any(char.IsAsciiDigit);
    }
}
