using System.Text;

namespace Switchyard.Re2;

/// <summary>
/// An Envoy regex_rewrite substitution (RE2::GlobalReplace's rewrite string): \0..\9 insert a
/// capture, \\ is a backslash, every other character is literal (so '$' needs no escaping here).
/// </summary>
internal sealed class Re2Rewrite
{
    // Each part is either literal text or a group number.
    private readonly List<(string? Text, int Group)> _parts;

    private Re2Rewrite(List<(string? Text, int Group)> parts) => _parts = parts;

    /// <summary>Parses a rewrite, with RE2's CheckRewriteString errors.</summary>
    public static Re2Rewrite? TryParse(string rewrite, int captureCount, out string? error)
    {
        var parts = new List<(string? Text, int Group)>();
        var literal = new StringBuilder();
        for (var i = 0; i < rewrite.Length; i++)
        {
            var c = rewrite[i];
            if (c != '\\') { literal.Append(c); continue; }
            if (++i >= rewrite.Length)
            {
                error = @"Rewrite schema error: '\' not allowed at end.";
                return null;
            }
            var n = rewrite[i];
            if (n == '\\') { literal.Append('\\'); continue; }
            if (!char.IsAsciiDigit(n))
            {
                error = @"Rewrite schema error: '\' must be followed by a digit or '\'.";
                return null;
            }
            var group = n - '0';
            if (group > captureCount)
            {
                error = $"Rewrite schema requests {group} matches, but the regexp only has {captureCount} parenthesized subexpressions.";
                return null;
            }
            if (literal.Length > 0) { parts.Add((literal.ToString(), 0)); literal.Clear(); }
            parts.Add((null, group));
        }
        if (literal.Length > 0) parts.Add((literal.ToString(), 0));
        error = null;
        return new Re2Rewrite(parts);
    }

    public void AppendTo(StringBuilder sb, System.Text.RegularExpressions.Match match)
    {
        foreach (var (text, group) in _parts)
        {
            if (text is not null) sb.Append(text);
            else sb.Append(match.Groups[group].ValueSpan);
        }
    }

    /// <summary>The same substitution in .NET's Regex.Replace syntax ($ doubled, groups as ${n}).</summary>
    public string ToDotNet()
    {
        var sb = new StringBuilder();
        foreach (var (text, group) in _parts)
        {
            if (text is not null) sb.Append(text.Replace("$", "$$", StringComparison.Ordinal));
            else sb.Append("${").Append(group).Append('}');
        }
        return sb.ToString();
    }
}
