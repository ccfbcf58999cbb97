namespace Switchyard.Re2;

/// <summary>
/// Recursive-descent parser for RE2 syntax (https://github.com/google/re2/wiki/Syntax), with the
/// accept/reject decisions and error wording of Go's regexp/syntax in Perl mode, which is what
/// Istio validates with and what Envoy's RE2 accepts. Nesting is bounded by an explicit depth
/// counter (RE2's limit of 1000), so hostile input cannot overflow the stack.
/// </summary>
internal sealed partial class Re2Parser
{
    private const int MaxDepth = 1000;
    private const int MaxRepeat = 1000;

    private readonly string _s;
    private int _pos;
    private Re2Flags _flags;
    private int _depth;
    private readonly List<string?> _names = new();
    private string? _unmatchable;

    private Re2Parser(string pattern) => _s = pattern;

    /// <summary>Parses <paramref name="pattern"/>; throws <see cref="Re2SyntaxException"/> on the first error.</summary>
    public static Re2ParseResult Parse(string pattern)
    {
        var parser = new Re2Parser(pattern);
        var root = parser.ParseAlternation();
        if (parser._pos < pattern.Length)
        {
            // The only way ParseAlternation stops early is at a ')' with no group open.
            throw new Re2SyntaxException(Re2ErrorCode.UnexpectedParen, pattern, parser._pos);
        }
        return new Re2ParseResult(root, parser._names.Count, parser._names, parser._unmatchable);
    }

    private bool AtEnd => _pos >= _s.Length;

    private char Peek => _s[_pos];

    private bool Fold => (_flags & Re2Flags.FoldCase) != 0;

    private Re2Node ParseAlternation()
    {
        var first = ParseConcat();
        if (AtEnd || Peek != '|') return first;
        var items = new List<Re2Node> { first };
        while (!AtEnd && Peek == '|')
        {
            _pos++;
            items.Add(ParseConcat());
        }
        return new AlternateNode(items);
    }

    private Re2Node ParseConcat()
    {
        var items = new List<Re2Node>();
        var lastRepeat = -1;
        while (!AtEnd && Peek != '|' && Peek != ')')
        {
            var start = _pos;
            var c = Peek;
            if (c is '*' or '+' or '?' || (c == '{' && TryParseRepeatCount(out _, out _, out _)))
            {
                ParseRepetition(items, lastRepeat);
                lastRepeat = start;
                continue;
            }
            lastRepeat = -1;
            switch (c)
            {
                case '(':
                    var group = ParseGroup();
                    if (group is not null) items.Add(group);
                    break;
                case '[':
                    items.Add(new ClassNode(ParseClass()));
                    break;
                case '.':
                    _pos++;
                    var dot = CodePointSet.All();
                    items.Add(new ClassNode((_flags & Re2Flags.DotNewLine) != 0 ? dot : CodePointSet.Of('\n', '\n').Negate()));
                    break;
                case '^':
                    _pos++;
                    items.Add(new AssertionNode((_flags & Re2Flags.MultiLine) != 0 ? AssertionKind.BeginLine : AssertionKind.BeginText));
                    break;
                case '$':
                    _pos++;
                    items.Add(new AssertionNode((_flags & Re2Flags.MultiLine) != 0 ? AssertionKind.EndLine : AssertionKind.EndText));
                    break;
                case '\\':
                    ParseBackslash(items);
                    break;
                default:
                    items.Add(Literal(NextRune()));
                    break;
            }
        }
        return items.Count switch
        {
            0 => new EmptyNode(),
            1 => items[0],
            _ => new ConcatNode(items),
        };
    }

    /// <summary>A literal, or under (?i) the class of all its case variants.</summary>
    private Re2Node Literal(int cp)
    {
        if (!Fold || CaseOrbits.Of(cp).Count == 0) return new LiteralNode(cp);
        return new ClassNode(CodePointSet.Of(cp, cp).FoldClosure());
    }

    /// <summary>Reads one code point; a lone surrogate is what RE2 calls invalid UTF-8.</summary>
    private int NextRune()
    {
        var c = _s[_pos];
        if (char.IsHighSurrogate(c) && _pos + 1 < _s.Length && char.IsLowSurrogate(_s[_pos + 1]))
        {
            _pos += 2;
            return char.ConvertToUtf32(c, _s[_pos - 1]);
        }
        if (char.IsSurrogate(c)) throw new Re2SyntaxException("invalid UTF-8", _s[_pos..], _pos);
        _pos++;
        return c;
    }

    private void EnterNesting(int at)
    {
        if (++_depth > MaxDepth) throw new Re2SyntaxException(Re2ErrorCode.NestingDepth, _s[at..Math.Min(_s.Length, at + 10)], at);
    }
}
