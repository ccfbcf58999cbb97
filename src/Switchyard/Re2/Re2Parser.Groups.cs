namespace Switchyard.Re2;

/// <summary>Groups: (re), (?P&lt;name&gt;re), (?&lt;name&gt;re), (?:re), (?flags), (?flags:re).</summary>
internal sealed partial class Re2Parser
{
    /// <summary>Parses a group at '('. Returns null for a bare flag group (?i), which only changes flags.</summary>
    private Re2Node? ParseGroup()
    {
        var open = _pos;
        EnterNesting(open);
        var saved = _flags;
        try
        {
            if (!StartsWith("(?"))
            {
                _pos++;
                return Capture(open, null);
            }
            if (StartsWith("(?P<") || (StartsWith("(?<") && !StartsWith("(?<=") && !StartsWith("(?<!")))
            {
                return NamedCapture(open);
            }
            return FlagGroup(open, ref saved);
        }
        finally
        {
            // A group's flag changes end with the group; a bare (?i) changes `saved` itself.
            _flags = saved;
            _depth--;
        }
    }

    private Re2Node Capture(int open, string? name)
    {
        _names.Add(name);
        var index = _names.Count;
        var sub = ParseAlternation();
        ExpectClose(open);
        return new CaptureNode(index, name, sub);
    }

    private Re2Node NamedCapture(int open)
    {
        var nameStart = _s[open + 2] == 'P' ? open + 4 : open + 3;
        var end = _s.IndexOf('>', nameStart);
        if (end < 0) throw new Re2SyntaxException(Re2ErrorCode.InvalidNamedCapture, _s[open..], open);
        var name = _s[nameStart..end];
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new Re2SyntaxException(Re2ErrorCode.InvalidNamedCapture, _s[open..(end + 1)], open);
        }
        // Go's regexp allows a repeated name but RE2 (what Envoy runs) rejects it, so we do too.
        if (_names.Contains(name)) throw new Re2SyntaxException(Re2ErrorCode.DuplicateCaptureName, name, nameStart);
        _pos = end + 1;
        return Capture(open, name);
    }

    private Re2Node? FlagGroup(int open, ref Re2Flags saved)
    {
        _pos = open + 2;
        var flags = _flags;
        var negate = false;
        var sawFlag = false;
        while (!AtEnd)
        {
            var c = _s[_pos++];
            Re2Flags flag;
            switch (c)
            {
                case 'i': flag = Re2Flags.FoldCase; break;
                case 'm': flag = Re2Flags.MultiLine; break;
                case 's': flag = Re2Flags.DotNewLine; break;
                case 'U': flag = Re2Flags.Ungreedy; break;
                case '-' when !negate:
                    negate = true;
                    sawFlag = false;
                    continue;
                case ':' or ')' when !negate || sawFlag:
                    _flags = flags;
                    if (c == ')')
                    {
                        saved = flags;
                        return null;
                    }
                    var sub = ParseAlternation();
                    ExpectClose(open);
                    return sub;
                default:
                    throw BadPerlOp(open);
            }
            flags = negate ? flags & ~flag : flags | flag;
            sawFlag = true;
        }
        throw BadPerlOp(open);
    }

    /// <summary>Lookarounds, atomic groups, conditionals, (?P=name) and unknown flags all end here.</summary>
    private Re2SyntaxException BadPerlOp(int open)
    {
        var end = Math.Min(_pos, _s.Length);
        // Name the whole construct for the two-character openers (?<= (?<! (?P= (?P>.
        if (end < _s.Length && end - open == 3 && _s[end - 1] is '<' or 'P' && _s[end] is '=' or '!' or '>') end++;
        return new Re2SyntaxException(Re2ErrorCode.InvalidPerlOp, _s[open..end], open);
    }

    private void ExpectClose(int open)
    {
        if (AtEnd) throw new Re2SyntaxException(Re2ErrorCode.MissingParen, _s, open);
        _pos++;
    }

    private bool StartsWith(string prefix) => string.CompareOrdinal(_s, _pos, prefix, 0, prefix.Length) == 0;
}
