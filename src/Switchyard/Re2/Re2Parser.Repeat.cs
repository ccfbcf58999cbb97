namespace Switchyard.Re2;

/// <summary>Repetition operators: * + ? {n} {n,} {n,m}, each optionally followed by ? (non-greedy).</summary>
internal sealed partial class Re2Parser
{
    private void ParseRepetition(List<Re2Node> items, int lastRepeat)
    {
        var start = _pos;
        int min, max;
        var counted = Peek == '{';
        if (counted)
        {
            TryParseRepeatCount(out min, out max, out var end);
            _pos = end;
            if (min > MaxRepeat || max > MaxRepeat || (max >= 0 && min > max))
            {
                throw new Re2SyntaxException(Re2ErrorCode.InvalidRepeatSize, _s[start.._pos], start);
            }
        }
        else
        {
            (min, max) = _s[_pos++] switch { '*' => (0, -1), '+' => (1, -1), _ => (0, 1) };
        }
        var lazy = !AtEnd && Peek == '?';
        if (lazy) _pos++;
        // Perl (and RE2) reject stacked operators: a** is an error, and a*+ / a++ would be
        // possessive, which RE2 does not support.
        if (lastRepeat >= 0) throw new Re2SyntaxException(Re2ErrorCode.BadRepeatOp, _s[lastRepeat.._pos], lastRepeat);
        if (items.Count == 0) throw new Re2SyntaxException(Re2ErrorCode.MissingRepeatArgument, _s[start.._pos], start);
        var greedy = lazy == ((_flags & Re2Flags.Ungreedy) != 0);
        var node = new RepeatNode(items[^1], min, max, greedy);
        // RE2 also bounds nested counts: (a{100}){100} would unroll to 10,000 copies.
        if (counted && (min >= 2 || max >= 2) && !RepeatIsValid(node, MaxRepeat, 0))
        {
            throw new Re2SyntaxException(Re2ErrorCode.InvalidRepeatSize, _s[start.._pos], start);
        }
        items[^1] = node;
    }

    /// <summary>Go's repeatIsValid: the product of nested repeat counts stays within <paramref name="n"/>.</summary>
    private static bool RepeatIsValid(Re2Node node, int n, int depth)
    {
        if (depth > 2 * MaxDepth) return true;
        if (node is RepeatNode r)
        {
            var m = r.Max;
            if (m == 0) return true;
            if (m < 0) m = r.Min;
            if (m > n) return false;
            if (m > 0) n /= m;
        }
        return node switch
        {
            RepeatNode r2 => RepeatIsValid(r2.Sub, n, depth + 1),
            CaptureNode c => RepeatIsValid(c.Sub, n, depth + 1),
            ConcatNode c => c.Items.All(i => RepeatIsValid(i, n, depth + 1)),
            AlternateNode a => a.Items.All(i => RepeatIsValid(i, n, depth + 1)),
            _ => true,
        };
    }

    /// <summary>
    /// Reads {n}, {n,} or {n,m} at the current '{' without consuming it. Anything else (including
    /// leading zeros) is not a repeat, and RE2 then treats the '{' as a literal.
    /// </summary>
    private bool TryParseRepeatCount(out int min, out int max, out int end)
    {
        max = -1;
        end = _pos + 1;
        if (!TryParseInt(ref end, out min)) return false;
        if (end < _s.Length && _s[end] == ',')
        {
            end++;
            if (end < _s.Length && _s[end] != '}' && !TryParseInt(ref end, out max)) return false;
        }
        else
        {
            max = min;
        }
        if (end >= _s.Length || _s[end] != '}') return false;
        end++;
        return true;
    }

    private bool TryParseInt(ref int i, out int value)
    {
        value = 0;
        if (i >= _s.Length || !char.IsAsciiDigit(_s[i])) return false;
        if (_s[i] == '0' && i + 1 < _s.Length && char.IsAsciiDigit(_s[i + 1])) return false;
        while (i < _s.Length && char.IsAsciiDigit(_s[i]))
        {
            // Past 1e8 the exact value no longer matters: it is an invalid count either way.
            value = value >= 100_000_000 ? value : value * 10 + (_s[i] - '0');
            i++;
        }
        return true;
    }
}
