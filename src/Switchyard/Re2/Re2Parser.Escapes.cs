namespace Switchyard.Re2;

/// <summary>Backslash sequences, outside and inside classes.</summary>
internal sealed partial class Re2Parser
{
    private void ParseBackslash(List<Re2Node> items)
    {
        var start = _pos;
        if (_pos + 1 >= _s.Length) throw new Re2SyntaxException(Re2ErrorCode.TrailingBackslash, "\\", start);
        var c = _s[_pos + 1];
        switch (c)
        {
            case 'A': _pos += 2; items.Add(new AssertionNode(AssertionKind.BeginText)); return;
            case 'z': _pos += 2; items.Add(new AssertionNode(AssertionKind.EndText)); return;
            case 'b': _pos += 2; items.Add(new AssertionNode(AssertionKind.WordBoundary)); return;
            case 'B': _pos += 2; items.Add(new AssertionNode(AssertionKind.NoWordBoundary)); return;
            case 'C':
                // RE2's "any byte": on UTF-16 text the nearest meaning is any character.
                _pos += 2;
                items.Add(new ClassNode(CodePointSet.All()));
                return;
            case 'Q':
                // \Q...\E: everything up to \E (or the end) is literal, one literal per character
                // so a following * applies to the last one only, as in RE2.
                _pos += 2;
                while (!AtEnd && !StartsWith("\\E")) items.Add(Literal(NextRune()));
                if (!AtEnd) _pos += 2;
                return;
            case 'p' or 'P':
                items.Add(new ClassNode(ParseUnicodeClass()));
                return;
        }
        var perl = TryParsePerlClass();
        items.Add(perl is not null ? new ClassNode(perl) : Literal(ParseEscape()));
    }

    /// <summary>\d \s \w \D \S \W at the current backslash, or null.</summary>
    private CodePointSet? TryParsePerlClass()
    {
        if (_pos + 1 >= _s.Length || _s[_pos] != '\\') return null;
        var c = _s[_pos + 1];
        var set = Re2ClassTables.Perl(char.ToLowerInvariant(c));
        if (set is null || c is not ('d' or 's' or 'w' or 'D' or 'S' or 'W')) return null;
        _pos += 2;
        return Group(set, char.IsAsciiLetterUpper(c));
    }

    /// <summary>\pN, \p{Name}, \p{^Name}, \PN, \P{Name} at the current backslash.</summary>
    private CodePointSet ParseUnicodeClass()
    {
        var start = _pos;
        var negated = _s[_pos + 1] == 'P';
        _pos += 2;
        if (AtEnd) throw new Re2SyntaxException(Re2ErrorCode.InvalidCharRange, _s[start.._pos], start);
        string name;
        if (Peek != '{')
        {
            var cp = NextRune();
            name = char.ConvertFromUtf32(cp);
        }
        else
        {
            var close = _s.IndexOf('}', _pos);
            if (close < 0) throw new Re2SyntaxException(Re2ErrorCode.InvalidCharRange, _s[start..], start);
            name = _s[(_pos + 1)..close];
            _pos = close + 1;
        }
        var seq = _s[start.._pos];
        if (name.StartsWith('^'))
        {
            negated = !negated;
            name = name[1..];
        }
        if (!Re2ClassTables.IsUnicodeName(name)) throw new Re2SyntaxException(Re2ErrorCode.InvalidCharRange, seq, start);
        var set = Re2ClassTables.Category(name) ?? Re2Scripts.TryGet(name);
        if (set is null)
        {
            _unmatchable ??= seq;
            set = new CodePointSet();
        }
        return Group(set, negated);
    }

    /// <summary>A named class as RE2 adds it: case-folded first under (?i), then negated.</summary>
    private CodePointSet Group(CodePointSet positive, bool negated)
    {
        if (Fold) positive = positive.FoldClosure();
        return negated ? positive.Negate() : positive;
    }

    /// <summary>A single-character escape at the current backslash; returns its code point.</summary>
    private int ParseEscape()
    {
        var start = _pos++;
        if (AtEnd) throw new Re2SyntaxException(Re2ErrorCode.TrailingBackslash, "\\", start);
        var c = NextRune();
        switch (c)
        {
            case >= '1' and <= '7' when AtEnd || Peek is < '0' or > '7':
                // A lone \1..\7 is a backreference, which RE2 does not support.
                throw InvalidEscape(start);
            case >= '0' and <= '7':
                var r = c - '0';
                for (var i = 1; i < 3 && !AtEnd && Peek is >= '0' and <= '7'; i++) r = r * 8 + (_s[_pos++] - '0');
                return r;
            case 'x':
                return ParseHexEscape(start);
            case 'a': return 7;
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'v': return '\v';
        }
        if (c < 128 && !char.IsAsciiLetterOrDigit((char)c)) return c;
        throw InvalidEscape(start);
    }

    private int ParseHexEscape(int start)
    {
        if (AtEnd) throw InvalidEscape(start);
        if (Peek != '{')
        {
            if (_pos + 1 >= _s.Length || !char.IsAsciiHexDigit(_s[_pos]) || !char.IsAsciiHexDigit(_s[_pos + 1]))
            {
                _pos = Math.Min(_s.Length, _pos + 2);
                throw InvalidEscape(start);
            }
            _pos += 2;
            return Convert.ToInt32(_s[(_pos - 2).._pos], 16);
        }
        _pos++;
        var value = 0;
        var digits = 0;
        while (!AtEnd && char.IsAsciiHexDigit(Peek))
        {
            value = value * 16 + Convert.ToInt32(_s[_pos++].ToString(), 16);
            digits++;
            if (value > CodePointSet.MaxRune) throw InvalidEscape(start);
        }
        if (AtEnd || Peek != '}' || digits == 0)
        {
            if (!AtEnd) _pos++;
            throw InvalidEscape(start);
        }
        _pos++;
        // Surrogate code points are not characters; RE2 sees them as invalid UTF-8.
        if (value is >= 0xD800 and <= 0xDFFF) throw InvalidEscape(start);
        return value;
    }

    private Re2SyntaxException InvalidEscape(int start) =>
        new(Re2ErrorCode.InvalidEscape, _s[start..Math.Min(_pos, _s.Length)], start);
}
