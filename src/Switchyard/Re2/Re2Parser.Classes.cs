namespace Switchyard.Re2;

/// <summary>Bracketed classes: [abc], [^a-z], [[:alpha:]], [[:^digit:]], [\d\p{Greek}].</summary>
internal sealed partial class Re2Parser
{
    private CodePointSet ParseClass()
    {
        var open = _pos++;
        var negated = !AtEnd && Peek == '^';
        if (negated) _pos++;
        var set = new CodePointSet();
        // ']' right after '[' or '[^' is a literal, as in RE2.
        var first = true;
        while (AtEnd || Peek != ']' || first)
        {
            first = false;
            if (AtEnd) throw new Re2SyntaxException(Re2ErrorCode.MissingBracket, _s[open..], open);
            if (TryParsePosixClass() is { } posix) { set.Add(posix); continue; }
            if (StartsWith("\\p") || StartsWith("\\P")) { set.Add(ParseUnicodeClass()); continue; }
            if (TryParsePerlClass() is { } perl) { set.Add(perl); continue; }
            var rangeStart = _pos;
            var lo = ParseClassChar(open);
            var hi = lo;
            if (_pos + 1 < _s.Length && Peek == '-' && _s[_pos + 1] != ']')
            {
                _pos++;
                hi = ParseClassChar(open);
                if (hi < lo) throw new Re2SyntaxException(Re2ErrorCode.InvalidCharRange, _s[rangeStart.._pos], rangeStart);
            }
            var range = CodePointSet.Of(lo, hi);
            set.Add(Fold ? range.FoldClosure() : range);
        }
        _pos++;
        return negated ? set.Negate() : set;
    }

    /// <summary>[:name:] or [:^name:]; null when the text is not of that shape (then '[' is literal).</summary>
    private CodePointSet? TryParsePosixClass()
    {
        if (!StartsWith("[:")) return null;
        var close = _s.IndexOf(":]", _pos + 2, StringComparison.Ordinal);
        if (close < 0) return null;
        var seq = _s[_pos..(close + 2)];
        var name = _s[(_pos + 2)..close];
        var negated = name.StartsWith('^');
        var set = Re2ClassTables.Posix(negated ? name[1..] : name)
            ?? throw new Re2SyntaxException(Re2ErrorCode.InvalidCharRange, seq, _pos);
        _pos = close + 2;
        return Group(set, negated);
    }

    private int ParseClassChar(int open)
    {
        if (AtEnd) throw new Re2SyntaxException(Re2ErrorCode.MissingBracket, _s[open..], open);
        return Peek == '\\' ? ParseEscape() : NextRune();
    }
}
