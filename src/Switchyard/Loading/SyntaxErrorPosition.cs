using Switchyard.Diagnostics;
using Switchyard.Model;
using YamlDotNet.Core;

namespace Switchyard.Loading;

/// <summary>
/// Turns a YamlDotNet syntax error into a message at the line a user would fix. YamlDotNet
/// reports where parsing could not go on, which for the two commonest slips is lines later:
/// an unclosed quote swallows the following lines until the next quote (or the end of the
/// file), and an unclosed <c>{</c> or <c>[</c> swallows the following block lines. Both are
/// found by re-reading the text up to the error (quotes, comments and flow brackets only) and
/// reported at the line where the quote or bracket was opened, with the parser's own message.
/// </summary>
internal static class SyntaxErrorPosition
{
    public static Diagnostic Diagnose(YamlException ex, Mark scannerPosition, string text, string file)
    {
        // Some scanner errors (a tab used as indentation) carry no position at all (line 1):
        // the scanner's own position is where it stopped, the line go-yaml reports.
        var at = ex.Start.Index == 0 && ex.End.Index == 0 ? scannerPosition : ex.Start;
        return Diagnose(CleanMessage(ex), at, text, file);
    }

    /// <summary>The error <paramref name="message"/> that YamlDotNet raised at <paramref name="at"/>, placed where the mistake is.</summary>
    public static Diagnostic Diagnose(string message, Mark at, string text, string file)
    {
        var line = (int)Math.Max(1, at.Line);
        var column = (int)at.Column;
        var errorIndex = (int)Math.Clamp(at.Index, 0, text.Length);
        message = $"YAML syntax error: {message}";
        if (Culprit(text, errorIndex, line) is { } culprit)
        {
            message += culprit.Quote
                ? $" (the quote opened here is not closed on its line; the error showed on line {line})"
                : $" (the {culprit.Bracket} opened here is not closed; the error showed on line {line})";
            (line, column) = (culprit.Line, culprit.Column);
        }
        else if (message.Contains("multiline plain scalar", StringComparison.Ordinal) && PreviousContentLine(text, errorIndex) is { } previous)
        {
            // "name reviews" above "namespace: shop": the line without its colon became the
            // start of a multi-line value, and the error shows on the next key.
            message += $" (a key without its ':'? the value started here; the error showed on line {line})";
            (line, column) = (previous.Line, previous.Column);
        }
        return Diagnostic.Error(message, new SourceSpan(file, line, column));
    }

    /// <summary>The content line before the one holding <paramref name="index"/> (blank and comment lines skipped).</summary>
    private static (int Line, int Column)? PreviousContentLine(string text, int index)
    {
        var lineStart = StartOfLine(text, index);
        var line = 1;
        for (var i = 0; i < lineStart; i++)
            if (text[i] == '\n') line++;
        while (lineStart > 0)
        {
            var previousStart = StartOfLine(text, lineStart - 1);
            line--;
            var indent = Indent(text, previousStart);
            var first = previousStart + indent;
            if (first < lineStart - 1 && text[first] != '#') return (line, indent + 1);
            lineStart = previousStart;
        }
        return null;
    }

    private sealed record Opening(bool Quote, char Bracket, int Line, int Column, int Indent);

    /// <summary>An unclosed quote or flow bracket that explains an error on <paramref name="errorLine"/>, or null.</summary>
    private static Opening? Culprit(string text, int errorIndex, int errorLine)
    {
        var line = 1;
        var lineStart = 0;
        var flow = new Stack<Opening>();
        Opening? quote = null;          // the quoted scalar we are in
        Opening? spanningQuote = null;  // the last one that closed on a later line than it opened
        var spanningQuoteClosedOn = 0;
        for (var i = 0; i < errorIndex; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
                continue;
            }
            if (quote is not null)
            {
                if (quote.Bracket == '"' && c == '\\') i++;
                else if (c == quote.Bracket)
                {
                    if (c == '\'' && i + 1 < text.Length && text[i + 1] == '\'') i++;
                    else
                    {
                        if (line > quote.Line) (spanningQuote, spanningQuoteClosedOn) = (quote, line);
                        quote = null;
                    }
                }
                continue;
            }
            switch (c)
            {
                case '#' when i == lineStart || text[i - 1] is ' ':
                    var eol = text.IndexOf('\n', i);
                    i = (eol < 0 || eol > errorIndex ? errorIndex : eol) - 1;
                    break;
                case '"' or '\'' when StartsScalar(text, lineStart, i, flow.Count > 0):
                    quote = new Opening(true, c, line, i - lineStart + 1, Indent(text, lineStart));
                    break;
                case '{' or '[' when StartsScalar(text, lineStart, i, flow.Count > 0):
                    flow.Push(new Opening(false, c, line, i - lineStart + 1, Indent(text, lineStart)));
                    break;
                case '}' or ']' when flow.Count > 0:
                    flow.Pop();
                    break;
            }
        }
        if (quote is not null && quote.Line < errorLine) return quote;
        if (spanningQuote is not null && spanningQuoteClosedOn == errorLine) return spanningQuote;
        // A flow collection may span lines (JSON does); it is the culprit only when the error
        // line is back at (or left of) the indentation of the line that opened it, i.e. block
        // structure went on as if it were closed.
        if (flow.Count > 0)
        {
            var innermost = flow.Peek();
            if (innermost.Line < errorLine && Indent(text, StartOfLine(text, errorIndex)) <= innermost.Indent)
                return innermost;
        }
        return null;
    }

    /// <summary>Whether a quote or bracket at <paramref name="i"/> begins a value (not "it's" inside a plain scalar).</summary>
    private static bool StartsScalar(string text, int lineStart, int i, bool inFlow)
    {
        var j = i - 1;
        while (j >= lineStart && text[j] == ' ') j--;
        if (j < lineStart) return true;
        var before = text[j];
        if (inFlow && before is '[' or '{' or ',' or ':') return true;
        return before is ':' or '-' or '?' && j < i - 1;
    }

    private static int Indent(string text, int lineStart)
    {
        var i = lineStart;
        while (i < text.Length && text[i] == ' ') i++;
        return i - lineStart;
    }

    private static int StartOfLine(string text, int index)
    {
        if (index > text.Length) index = text.Length;
        var nl = index == 0 ? -1 : text.LastIndexOf('\n', index - 1);
        return nl + 1;
    }

    private static string CleanMessage(YamlException ex)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; we print file:line ourselves.
        var m = ex.Message;
        var cut = m.IndexOf("): ", StringComparison.Ordinal);
        if (m.StartsWith("(Line", StringComparison.Ordinal) && cut > 0) m = m[(cut + 3)..];
        return m.Trim();
    }
}
