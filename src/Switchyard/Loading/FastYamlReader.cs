using System.Buffers;

namespace Switchyard.Loading;

/// <summary>
/// A reader for the YAML that Kubernetes manifests are made of (block mappings and sequences,
/// one-line plain and quoted scalars, comments, <c>---</c> between documents, <c>{}</c> and
/// <c>[]</c>) that scans the text in place, many times faster than YamlDotNet and with no object
/// per node. Anything else (flow collections, block scalars, anchors, tags, tabs, multi-line
/// scalars, and every syntax error) makes it give up on the whole file, which is then read by
/// YamlDotNet as before, so what it accepts it reads exactly as YamlDotNet does (same values,
/// same lines and columns: a differential test over the fuzz corpus holds it to that) and what
/// it does not accept loses nothing but time.
/// </summary>
internal sealed class FastYamlReader
{
    private const int EndOfText = -1, DocumentMarker = -2;

    // Deep enough for any manifest; deeper nesting goes to YamlDotNet, which reports the limit.
    private const int MaxDepth = 64;

    // A file holding any of these is YamlDotNet's: tabs and CR (line-break and indentation rules
    // we do not reproduce), a byte order mark, YAML's other line breaks, surrogates (columns).
    private static readonly SearchValues<char> NotOurs = SearchValues.Create("\t\r\uFEFF\u0085\u2028\u2029" + Surrogates());

    private readonly string _text;
    private readonly YamlTape _tape;
    private int _pos, _line, _lineStart, _indent;

    private FastYamlReader(string text, YamlTape tape)
    {
        _text = text;
        _tape = tape;
    }

    /// <summary>Raised to give the file to YamlDotNet; at most once per file, so its cost does not matter.</summary>
    private sealed class GiveUp : Exception;

    /// <summary>
    /// Reads every document into <paramref name="tape"/>, calling <paramref name="onDocument"/>
    /// after each; false when the file must be read by YamlDotNet instead (the caller undoes
    /// what the documents already passed to <paramref name="onDocument"/> did).
    /// </summary>
    public static bool TryRead(string text, string file, YamlTape tape, Action<YamlTape> onDocument)
    {
        if (text.AsSpan().ContainsAny(NotOurs)) return false;
        try
        {
            new FastYamlReader(text, tape).ReadStream(file, onDocument);
            return true;
        }
        catch (GiveUp)
        {
            return false;
        }
    }

    private void ReadStream(string file, Action<YamlTape> onDocument)
    {
        _line = 1;
        _indent = SeekContent();
        while (_indent != EndOfText)
        {
            if (_indent == DocumentMarker)
            {
                _pos += 3;
                FinishLine();
                continue;
            }
            _tape.Reset(file, _text);
            var rootIndent = _indent;
            if (AtSequenceEntry()) ReadSequence(rootIndent, 0);
            else ReadMapping(rootIndent, 0);
            // A document's root block takes every line up to the next "---"; a line left over
            // is indented less than the root, which YamlDotNet reports as an error.
            if (_indent >= 0) throw new GiveUp();
            if (_tape.Count > YamlDocumentReader.MaxNodesPerDocument) throw new GiveUp();
            onDocument(_tape);
        }
    }

    private void ReadMapping(int indent, int depth)
    {
        if (depth > MaxDepth) throw new GiveUp();
        var map = _tape.Add(YamlNodeKind.Mapping, _line, Column);
        var count = 0;
        while (true)
        {
            ReadKey();
            count++;
            if (AtEndOfLine())
            {
                FinishLine();
                if (_indent > indent)
                {
                    if (AtSequenceEntry()) ReadSequence(_indent, depth + 1);
                    else ReadMapping(_indent, depth + 1);
                }
                else if (_indent == indent && AtSequenceEntry())
                {
                    ReadSequence(_indent, depth + 1);
                }
                else
                {
                    throw new GiveUp(); // an empty value: its position is YamlDotNet's to decide
                }
            }
            else
            {
                ReadValue();
                FinishLine();
            }
            if (_indent == indent && !AtSequenceEntry()) continue;
            if (_indent >= indent) throw new GiveUp();
            break;
        }
        _tape.Close(map, count);
    }

    private void ReadSequence(int indent, int depth)
    {
        if (depth > MaxDepth) throw new GiveUp();
        var seq = _tape.Add(YamlNodeKind.Sequence, _line, Column);
        var count = 0;
        while (true)
        {
            _pos++; // the '-'
            if (AtEndOfLine() || AtSequenceEntry()) throw new GiveUp(); // item on the next lines, or "- - x"
            if (IsKeyAhead()) ReadMapping(_pos - _lineStart, depth + 1);
            else
            {
                ReadValue();
                FinishLine();
            }
            count++;
            if (_indent == indent && AtSequenceEntry()) continue;
            if (_indent > indent) throw new GiveUp();
            break;
        }
        _tape.Close(seq, count);
    }

    private void ReadKey()
    {
        var c = _text[_pos];
        int line = _line, column = Column;
        if (c is '"' or '\'')
        {
            ReadQuoted(line, column);
        }
        else
        {
            if (!CanStartPlain()) throw new GiveUp();
            var start = _pos;
            var end = _pos;
            while (true)
            {
                if (end >= _text.Length || _text[end] == '\n') throw new GiveUp();
                var ch = _text[end];
                if (ch == ':' && IsBlankOrEnd(end + 1)) break;
                if (ch == '#' && _text[end - 1] == ' ') throw new GiveUp();
                end++;
            }
            // YAML allows "key  :"; rare enough to leave to YamlDotNet, as is a key past the
            // 1024 characters YAML allows an implicit key.
            if (_text[end - 1] == ' ' || end - start > 1024) throw new GiveUp();
            _tape.AddScalar(line, column, start, end - start, plain: true);
            _pos = end;
        }
        if (_pos >= _text.Length || _text[_pos] != ':' || !IsBlankOrEnd(_pos + 1)) throw new GiveUp();
        _pos++;
    }

    /// <summary>A scalar, <c>{}</c> or <c>[]</c> that ends its line.</summary>
    private void ReadValue()
    {
        int line = _line, column = Column;
        var c = _text[_pos];
        if (c is '"' or '\'')
        {
            ReadQuoted(line, column);
        }
        else if (c is '{' or '[')
        {
            if (_pos + 1 >= _text.Length || _text[_pos + 1] != (c == '{' ? '}' : ']')) throw new GiveUp();
            var node = _tape.Add(c == '{' ? YamlNodeKind.Mapping : YamlNodeKind.Sequence, line, column);
            _tape.Close(node, 0);
            _pos += 2;
        }
        else
        {
            if (!CanStartPlain()) throw new GiveUp();
            var start = _pos;
            var end = _pos;
            while (end < _text.Length && _text[end] != '\n')
            {
                var ch = _text[end];
                // "a: b: c" and "- a: b" are YamlDotNet's (an error; a key the caller looked for).
                if (ch == ':' && IsBlankOrEnd(end + 1)) throw new GiveUp();
                if (ch == '#' && _text[end - 1] == ' ') break;
                end++;
            }
            while (_text[end - 1] == ' ') end--;
            _tape.AddScalar(line, column, start, end - start, plain: true);
            _pos = end;
        }
        if (!AtEndOfLine()) throw new GiveUp();
    }

    /// <summary>A one-line quoted scalar; escapes other than the common few go to YamlDotNet.</summary>
    private void ReadQuoted(int line, int column)
    {
        var quote = _text[_pos];
        var start = _pos + 1;
        var end = start;
        var escaped = false;
        while (true)
        {
            if (end >= _text.Length || _text[end] == '\n') throw new GiveUp();
            var ch = _text[end];
            if (quote == '"' && ch == '\\')
            {
                if (end + 1 >= _text.Length || _text[end + 1] is not ('\\' or '"' or '/' or 'n' or 't')) throw new GiveUp();
                escaped = true;
                end += 2;
                continue;
            }
            if (ch == quote)
            {
                if (quote == '\'' && end + 1 < _text.Length && _text[end + 1] == '\'')
                {
                    escaped = true;
                    end += 2;
                    continue;
                }
                break;
            }
            end++;
        }
        if (escaped) _tape.AddDecodedScalar(line, column, Unescape(_text.AsSpan(start, end - start), quote), plain: false);
        else _tape.AddScalar(line, column, start, end - start, plain: false);
        _pos = end + 1;
    }

    private static string Unescape(ReadOnlySpan<char> s, char quote)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (quote == '\'' && c == '\'') i++;
            else if (quote == '"' && c == '\\')
            {
                c = s[++i] switch { 'n' => '\n', 't' => '\t', var other => other };
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Whether the rest of the line (from here) is a mapping key: "name:" or "name: value".</summary>
    private bool IsKeyAhead()
    {
        var i = _pos;
        if (_text[i] is '"' or '\'')
        {
            var quote = _text[i];
            for (i++; i < _text.Length && _text[i] != '\n'; i++)
            {
                if (quote == '"' && _text[i] == '\\') { i++; continue; }
                if (_text[i] != quote) continue;
                if (quote == '\'' && i + 1 < _text.Length && _text[i + 1] == '\'') { i++; continue; }
                return i + 1 < _text.Length && _text[i + 1] == ':' && IsBlankOrEnd(i + 2);
            }
            return false;
        }
        for (; i < _text.Length && _text[i] != '\n'; i++)
        {
            if (_text[i] == ':' && IsBlankOrEnd(i + 1)) return true;
            if (_text[i] == '#' && i > _pos && _text[i - 1] == ' ') return false;
        }
        return false;
    }

    private bool CanStartPlain()
    {
        var c = _text[_pos];
        if (c == '-') return !IsBlankOrEnd(_pos + 1);
        return c is not ('?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`');
    }

    private bool AtSequenceEntry() => _pos < _text.Length && _text[_pos] == '-' && IsBlankOrEnd(_pos + 1);

    private bool IsBlankOrEnd(int i) => i >= _text.Length || _text[i] is ' ' or '\n';

    private int Column => _pos - _lineStart + 1;

    private void SkipSpaces()
    {
        while (_pos < _text.Length && _text[_pos] == ' ') _pos++;
    }

    /// <summary>Nothing but spaces and a comment (after a space) left on the line.</summary>
    private bool AtEndOfLine()
    {
        SkipSpaces();
        if (_pos >= _text.Length || _text[_pos] == '\n') return true;
        return _text[_pos] == '#' && (_pos == _lineStart || _text[_pos - 1] == ' ');
    }

    /// <summary>Moves to the next line with content and sets <see cref="_indent"/> to its indentation.</summary>
    private void FinishLine()
    {
        if (!AtEndOfLine()) throw new GiveUp();
        var eol = _text.IndexOf('\n', _pos);
        if (eol < 0)
        {
            _pos = _text.Length;
            _indent = EndOfText;
            return;
        }
        _pos = eol + 1;
        _line++;
        _lineStart = _pos;
        _indent = SeekContent();
    }

    /// <summary>From the start of a line: skips blank and comment lines; the indentation of the next content.</summary>
    private int SeekContent()
    {
        while (true)
        {
            _lineStart = _pos;
            SkipSpaces();
            if (_pos >= _text.Length) return EndOfText;
            var c = _text[_pos];
            if (c is '\n' or '#')
            {
                var eol = _text.IndexOf('\n', _pos);
                if (eol < 0)
                {
                    _pos = _text.Length;
                    return EndOfText;
                }
                _pos = eol + 1;
                _line++;
                continue;
            }
            if (_pos == _lineStart)
            {
                if (_text.AsSpan(_pos).StartsWith("---") && IsBlankOrEnd(_pos + 3)) return DocumentMarker;
                if (c == '%' || _text.AsSpan(_pos).StartsWith("...")) throw new GiveUp();
            }
            return _pos - _lineStart;
        }
    }

    private static string Surrogates()
    {
        var chars = new char[0xE000 - 0xD800];
        for (var i = 0; i < chars.Length; i++) chars[i] = (char)(0xD800 + i);
        return new string(chars);
    }
}
