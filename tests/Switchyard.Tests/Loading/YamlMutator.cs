using System.Text;

namespace Switchyard.Tests.Loading;

/// <summary>
/// Seeded random damage to YAML text, line-wise and character-wise, of the kinds people and
/// tools actually do: lost or doubled lines, shifted indentation, stray YAML metacharacters,
/// a value of the wrong type, a file cut short. Same seed, same inputs.
/// </summary>
internal sealed class YamlMutator(Random random)
{
    private static readonly string[] Metacharacters =
        [":", "- ", "-", "[", "]", "{", "}", ",", "&a ", "*a", "!!tag ", "!!str ", "!!int ", "|", ">", "'", "\"", "#", "\t",
         "? ", "%", "@", "`", "---", "...", "\\", "\u00e9", "\u4e2d", "\ud83d\ude00", "\u200b", "\ufeff", "\u0000", "\r", "\n"];

    private static readonly string[] Scalars =
        ["0", "-1", "123", "4294967296", "99999999999999999999999", "1.5", "1e400", ".inf", "true", "false", "yes", "null", "~", "",
         "\"\"", "''", "[]", "{}", "[a, b]", "{a: b}", "5s", "\"5s\"", "1h30m", "5 s", "-3ms", "0x1F", "ROUND_ROBIN", "round_robin",
         "\"80\"", "*a", "&a x", "!!binary aGk=", "\"\\u00e9\"", "|\n  block", ">-\n  folded", "\u4e2d\u6587", "a: b: c"];

    private static readonly string[] Tokens =
        ["apiVersion", "kind", "metadata", "name", "namespace", "spec", "hosts", "http", "route", "destination", "host",
         "subset", "weight", "match", "uri", "prefix", "headers", "exact", "timeout", "retries", "subsets", "labels",
         "trafficPolicy", "loadBalancer", "simple", "items", "List", "VirtualService", "DestinationRule", "ServiceEntry",
         "networking.istio.io/v1", "v1", ":", ": ", " ", "  ", "\n", "\n  ", "- ", "[", "]", "{", "}", ",", "&a", "*a",
         "!!str", "!!map", "|", ">", "'", "\"", "#", "\t", "---", "...", "?", "%YAML 1.2", "0", "-1", "1e9", "true", "null",
         "5s", "\u00e9", "\ud83d\ude00", "\u0000", "\ufeff", "\r\n"];

    public string Mutate(string text)
    {
        var lines = text.Split('\n').ToList();
        var count = random.Next(1, 5);
        for (var i = 0; i < count && lines.Count > 0; i++) MutateOnce(lines);
        return string.Join('\n', lines);
    }

    public string TokenSoup(string? prefix)
    {
        var sb = new StringBuilder(prefix);
        var count = random.Next(1, 80);
        for (var i = 0; i < count; i++) sb.Append(Tokens[random.Next(Tokens.Length)]);
        return sb.ToString();
    }

    private void MutateOnce(List<string> lines)
    {
        var at = random.Next(lines.Count);
        switch (random.Next(9))
        {
            case 0:
                lines.RemoveAt(at);
                break;
            case 1:
                lines.Insert(at, lines[at]);
                break;
            case 2:
                var other = random.Next(lines.Count);
                (lines[at], lines[other]) = (lines[other], lines[at]);
                break;
            case 3:
                lines[at] = random.Next(2) == 0
                    ? new string(' ', random.Next(1, 4)) + lines[at]
                    : lines[at].TrimStart().PadLeft(lines[at].TrimStart().Length + random.Next(0, 3));
                break;
            case 4:
                lines[at] = lines[at].Insert(random.Next(lines[at].Length + 1), Metacharacters[random.Next(Metacharacters.Length)]);
                break;
            case 5:
                var colon = lines[at].IndexOf(": ", StringComparison.Ordinal);
                var value = Scalars[random.Next(Scalars.Length)];
                lines[at] = colon >= 0 ? lines[at][..(colon + 2)] + value
                    : lines[at].TrimEnd().EndsWith(':') ? lines[at] + " " + value
                    : lines[at].Contains("- ") ? lines[at][..(lines[at].IndexOf("- ", StringComparison.Ordinal) + 2)] + value
                    : value;
                break;
            case 6:
                // Truncate the whole text at a random character.
                var keep = random.Next(at + 1);
                lines.RemoveRange(keep + 1, lines.Count - keep - 1);
                lines[keep] = lines[keep][..random.Next(lines[keep].Length + 1)];
                break;
            case 7:
                lines[at] = lines[at].Replace("  ", "\t");
                break;
            default:
                lines.Insert(at, new string(' ', random.Next(0, 8)) + Tokens[random.Next(Tokens.Length)] + ": " + Scalars[random.Next(Scalars.Length)]);
                break;
        }
    }
}
