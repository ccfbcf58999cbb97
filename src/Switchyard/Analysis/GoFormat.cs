using System.Text;

namespace Switchyard.Analysis;

/// <summary>Go's fmt verbs as Istio's message templates use them, so texts match istioctl byte for byte.</summary>
public static class GoFormat
{
    /// <summary><c>%q</c>: a double-quoted string with Go escapes.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (char.IsControl(c)) sb.Append($"\\x{(int)c:x2}");
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary><c>%v</c> of a slice: <c>[a b c]</c>.</summary>
    public static string List<T>(IEnumerable<T> items) => "[" + string.Join(" ", items) + "]";
}
