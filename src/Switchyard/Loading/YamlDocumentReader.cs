using Switchyard.Diagnostics;
using Switchyard.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Switchyard.Loading;

/// <summary>
/// Reads any YAML (or JSON, which is YAML) through YamlDotNet's event stream into one
/// <see cref="YamlTape"/> per document: the path for what <see cref="FastYamlReader"/> leaves
/// (anchors, flow style, block scalars, syntax errors). A syntax error ends the stream at that
/// point: documents before it are kept and the error is reported with the line a user would
/// fix (see <see cref="SyntaxErrorPosition"/>), as kubectl and istioctl report them.
/// </summary>
public static class YamlDocumentReader
{
    /// <summary>Deeper nesting than any real resource; protects the recursive binder.</summary>
    public const int MaxDepth = 128;

    /// <summary>Bounds alias expansion ("billion laughs") and absurdly large documents.</summary>
    public const int MaxNodesPerDocument = 1_000_000;

    /// <summary>
    /// Parses without binding (the fast reader first, as loading does): how many documents the
    /// text holds. For the load benchmark's "parse" phase and tools that only check syntax.
    /// </summary>
    public static int CountDocuments(string text, string file, List<Diagnostic> errors)
    {
        var documents = 0;
        var tape = new YamlTape();
        if (FastYamlReader.TryRead(text, file, tape, _ => documents++)) return documents;
        documents = 0;
        Read(text, file, tape, _ => documents++, errors);
        return documents;
    }

    internal static void Read(string text, string file, YamlTape tape, Action<YamlTape> onDocument, List<Diagnostic> errors)
    {
        var scanner = new Scanner(new StringReader(text), skipComments: true);
        var parser = new Parser(scanner);
        try
        {
            parser.Consume<StreamStart>();
            while (!parser.Accept<StreamEnd>(out _))
            {
                parser.Consume<DocumentStart>();
                tape.Reset(file, text);
                var state = new ReadState(tape);
                var hasRoot = !parser.Accept<DocumentEnd>(out _);
                if (hasRoot) ReadNode(parser, state, 0);
                parser.Consume<DocumentEnd>();
                if (hasRoot && !(tape[0].Kind == YamlNodeKind.Scalar && tape.Scalar(0).IsNull)) onDocument(tape);
            }
        }
        catch (YamlException ex)
        {
            errors.Add(SyntaxErrorPosition.Diagnose(ex, scanner.CurrentPosition, text, file));
        }
        catch (DocumentTooComplexException ex)
        {
            errors.Add(Diagnostic.Error(ex.Message, ex.Span));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these (not a YamlException) on some malformed input: a document
            // marker inside an unclosed flow list, a tag that is not a URI. Still a syntax error.
            var what = ex is ArgumentException ? "invalid tag" : "malformed YAML (unclosed [ or { ?)";
            errors.Add(SyntaxErrorPosition.Diagnose(what, scanner.CurrentPosition, text, file));
        }
    }

    private sealed class ReadState(YamlTape tape)
    {
        public YamlTape Tape { get; } = tape;
        public Dictionary<string, int> Anchors { get; } = new(StringComparer.Ordinal);

        public SourceSpan SpanOf(ParsingEvent e) => new(Tape.File, (int)e.Start.Line, (int)e.Start.Column);
    }

    private static void ReadNode(IParser parser, ReadState state, int depth)
    {
        var tape = state.Tape;
        if (depth > MaxDepth)
            throw new DocumentTooComplexException($"document nests deeper than {MaxDepth} levels", state.SpanOf(parser.Current!));
        if (tape.Count >= MaxNodesPerDocument)
            throw new DocumentTooComplexException($"document has more than {MaxNodesPerDocument} nodes", state.SpanOf(parser.Current!));

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!state.Anchors.TryGetValue(alias.Value.Value, out var target))
                throw new DocumentTooComplexException($"unknown alias *{alias.Value.Value}", state.SpanOf(alias));
            var node = tape.Add(YamlNodeKind.Alias, (int)alias.Start.Line, (int)alias.Start.Column);
            tape[node].Start = target;
            return;
        }
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var node = tape.AddDecodedScalar((int)scalar.Start.Line, (int)scalar.Start.Column, scalar.Value, scalar.Style == ScalarStyle.Plain);
            Remember(state, scalar.Anchor, node);
            return;
        }
        if (parser.TryConsume<SequenceStart>(out var seqStart))
        {
            var node = tape.Add(YamlNodeKind.Sequence, (int)seqStart.Start.Line, (int)seqStart.Start.Column);
            var count = 0;
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                ReadNode(parser, state, depth + 1);
                count++;
            }
            tape.Close(node, count);
            Remember(state, seqStart.Anchor, node);
            return;
        }
        if (parser.TryConsume<MappingStart>(out var mapStart))
        {
            var node = tape.Add(YamlNodeKind.Mapping, (int)mapStart.Start.Line, (int)mapStart.Start.Column);
            var count = 0;
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = tape.Count;
                ReadNode(parser, state, depth + 1);
                ReadNode(parser, state, depth + 1);
                if (tape[tape.Resolve(key)].Kind != YamlNodeKind.Scalar)
                    throw new DocumentTooComplexException("a mapping key must be a plain value, not " + tape.Describe(key), tape.SpanOf(key));
                count++;
            }
            tape.Close(node, count);
            Remember(state, mapStart.Anchor, node);
            return;
        }
        var unexpected = parser.Current!;
        throw new DocumentTooComplexException($"unexpected YAML event {unexpected.GetType().Name}", state.SpanOf(unexpected));
    }

    private static void Remember(ReadState state, AnchorName anchor, int node)
    {
        if (!anchor.IsEmpty) state.Anchors[anchor.Value] = node;
    }

    private sealed class DocumentTooComplexException(string message, SourceSpan span) : Exception(message)
    {
        public SourceSpan Span { get; } = span;
    }
}
