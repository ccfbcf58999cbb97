using System.Buffers;
using Switchyard.Diagnostics;
using Switchyard.Model;

namespace Switchyard.Loading;

/// <summary>
/// Finds characters a YAML stream may not hold (YAML 1.2 §5.1: only tab, line feed, carriage
/// return and printable characters). YamlDotNet takes a NUL for the end of the input, so a file of
/// NUL bytes (a truncated download, a disk image, a binary saved as .yaml) would read as an empty,
/// valid file; go-yaml, and so kubectl and istioctl, refuse it with "control characters are not
/// allowed". Checked once over the whole text with a vectorized search, before parsing.
/// </summary>
internal static class NonPrintableCharacters
{
    private static readonly SearchValues<char> Forbidden = SearchValues.Create(Build());

    /// <summary>The syntax error for the first forbidden character, or null when the text is clean.</summary>
    public static Diagnostic? Check(ReadOnlySpan<char> text, string file)
    {
        var at = text.IndexOfAny(Forbidden);
        if (at < 0) return null;
        var before = text[..at];
        var line = before.Count('\n') + 1;
        var column = at - (before.LastIndexOf('\n') + 1) + 1;
        var what = text[at] == '\0' ? "a NUL byte" : $"control character U+{(int)text[at]:X4}";
        return Diagnostic.Error($"YAML syntax error: {what} is not allowed in YAML text (is this a binary file?)",
            new SourceSpan(file, line, column));
    }

    private static char[] Build()
    {
        var chars = new List<char>();
        for (var c = '\0'; c < ' '; c++)
            if (c is not ('\t' or '\n' or '\r')) chars.Add(c);
        for (var c = '\u007F'; c <= '\u009F'; c++)
            if (c != '\u0085') chars.Add(c);
        chars.Add('\uFFFE');
        chars.Add('\uFFFF');
        return [.. chars];
    }
}
