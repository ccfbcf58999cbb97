using System.Runtime.CompilerServices;
using System.Text;

namespace Switchyard.Re2;

/// <summary>
/// Emits a .NET pattern with RE2's meaning. Every class is an explicit code point set (no .NET
/// \d, \w, \s or IgnoreCase, whose Unicode-aware meanings differ from RE2's ASCII ones), ^ and $
/// become \A and \z unless (?m), and captures keep RE2's left-to-right numbering.
/// </summary>
internal sealed class Re2Translator
{
    // RE2's \b is an ASCII word boundary; .NET's \b uses Unicode \w, so we spell it with lookarounds.
    private const string Word = "[0-9A-Za-z_]";
    private const string WordBoundary = $"(?:(?<={Word})(?!{Word})|(?<!{Word})(?={Word}))";
    private const string NoWordBoundary = $"(?:(?<={Word})(?={Word})|(?<!{Word})(?!{Word}))";

    private readonly StringBuilder _sb = new();
    private readonly bool _useNames;

    private Re2Translator(Re2ParseResult parsed)
    {
        // .NET numbers unnamed groups before named ones; RE2 numbers all left to right. Names are
        // kept only when both orders agree; otherwise every group gets its RE2 number explicitly.
        var sawNamed = false;
        _useNames = true;
        foreach (var name in parsed.CaptureNames)
        {
            if (name is null && sawNamed) _useNames = false;
            if (name is not null && char.IsAsciiDigit(name[0])) _useNames = false;
            sawNamed |= name is not null;
        }
    }

    /// <summary>True when the pattern needs lookarounds (\b, \B), which NonBacktracking lacks.</summary>
    public bool NeedsBacktracking { get; private set; }

    public static (string Pattern, bool NeedsBacktracking) Translate(Re2ParseResult parsed)
    {
        var t = new Re2Translator(parsed);
        t.Emit(parsed.Root);
        return (t._sb.ToString(), t.NeedsBacktracking);
    }

    private void Emit(Re2Node node)
    {
        // Depth is bounded by the parser (1000 groups); this guards the remaining stack anyway.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (node)
        {
            case EmptyNode:
                break;
            case LiteralNode l:
                AppendLiteral(l.CodePoint);
                break;
            case ClassNode c:
                _sb.Append(c.Set.ToDotNet());
                break;
            case AssertionNode a:
                EmitAssertion(a.Kind);
                break;
            case ConcatNode c:
                foreach (var item in c.Items) Emit(item);
                break;
            case AlternateNode a:
                _sb.Append("(?:");
                for (var i = 0; i < a.Items.Count; i++)
                {
                    if (i > 0) _sb.Append('|');
                    Emit(a.Items[i]);
                }
                _sb.Append(')');
                break;
            case CaptureNode c:
                _sb.Append(c.Name is not null && _useNames ? $"(?<{c.Name}>" : _useNames ? "(" : $"(?<{c.Index}>");
                Emit(c.Sub);
                _sb.Append(')');
                break;
            case RepeatNode r:
                EmitRepeat(r);
                break;
        }
    }

    private void EmitRepeat(RepeatNode r)
    {
        _sb.Append("(?:");
        Emit(r.Sub);
        _sb.Append(')');
        _sb.Append((r.Min, r.Max) switch
        {
            (0, -1) => "*",
            (1, -1) => "+",
            (0, 1) => "?",
            (var min, -1) => $"{{{min},}}",
            var (min, max) when min == max => $"{{{min}}}",
            var (min, max) => $"{{{min},{max}}}",
        });
        if (!r.Greedy) _sb.Append('?');
    }

    private void EmitAssertion(AssertionKind kind)
    {
        switch (kind)
        {
            case AssertionKind.BeginText: _sb.Append(@"\A"); break;
            // Not .NET's $, which also matches before a final \n.
            case AssertionKind.EndText: _sb.Append(@"\z"); break;
            case AssertionKind.BeginLine: _sb.Append("(?m:^)"); break;
            case AssertionKind.EndLine: _sb.Append("(?m:$)"); break;
            case AssertionKind.WordBoundary: _sb.Append(WordBoundary); NeedsBacktracking = true; break;
            case AssertionKind.NoWordBoundary: _sb.Append(NoWordBoundary); NeedsBacktracking = true; break;
        }
    }

    private void AppendLiteral(int cp)
    {
        if (cp < 128 && char.IsAsciiLetterOrDigit((char)cp))
        {
            _sb.Append((char)cp);
            return;
        }
        foreach (var unit in char.ConvertFromUtf32(cp)) _sb.Append($"\\u{(int)unit:X4}");
    }
}
