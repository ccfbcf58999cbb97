using Switchyard.Diagnostics;
using Switchyard.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Switchyard.Loading;

/// <summary>
/// Reads a YAML (or JSON, which is YAML) stream into one <see cref="YamlNode"/> tree per
/// document. A syntax error ends the stream at that point: documents before it are kept and the
/// error is reported with its line, as kubectl and istioctl report them.
/// </summary>
public static class YamlDocumentReader
{
    /// <summary>Deeper nesting than any real resource; protects the recursive binder.</summary>
    public const int MaxDepth = 128;

    /// <summary>Bounds alias expansion ("billion laughs") and absurdly large documents.</summary>
    public const int MaxNodesPerDocument = 1_000_000;

    public static List<YamlNode> Read(TextReader text, string file, List<Diagnostic> errors)
    {
        var documents = new List<YamlNode>();
        var scanner = new Scanner(text, skipComments: true);
        var parser = new Parser(scanner);
        try
        {
            parser.Consume<StreamStart>();
            while (!parser.Accept<StreamEnd>(out _))
            {
                parser.Consume<DocumentStart>();
                var state = new ReadState(file);
                YamlNode? root = null;
                if (!parser.Accept<DocumentEnd>(out _)) root = ReadNode(parser, state, 0);
                parser.Consume<DocumentEnd>();
                if (root is not null && !(root is YamlScalar s && s.IsNull)) documents.Add(root);
            }
        }
        catch (YamlException ex)
        {
            // Some scanner errors (a tab used as indentation) carry no position at all (line 1):
            // the scanner's own position is where it stopped, the line go-yaml reports.
            var at = ex.Start.Index == 0 && ex.End.Index == 0 ? scanner.CurrentPosition : ex.Start;
            var line = (int)Math.Max(1, at.Line);
            errors.Add(Diagnostic.Error($"YAML syntax error: {CleanMessage(ex)}", new SourceSpan(file, line, (int)at.Column)));
        }
        catch (DocumentTooComplexException ex)
        {
            errors.Add(Diagnostic.Error(ex.Message, ex.Span));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these (not a YamlException) on some malformed input: a document
            // marker inside an unclosed flow list, a tag that is not a URI. Still a syntax error.
            var at = scanner.CurrentPosition;
            var what = ex is ArgumentException ? "invalid tag" : "malformed YAML (unclosed [ or { ?)";
            errors.Add(Diagnostic.Error($"YAML syntax error: {what}", new SourceSpan(file, (int)Math.Max(1, at.Line), (int)at.Column)));
        }
        return documents;
    }

    private static string CleanMessage(YamlException ex)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; we print file:line ourselves.
        var m = ex.Message;
        var cut = m.IndexOf("): ", StringComparison.Ordinal);
        if (m.StartsWith("(Line", StringComparison.Ordinal) && cut > 0) m = m[(cut + 3)..];
        return m.Trim();
    }

    private sealed class ReadState(string file)
    {
        public string File { get; } = file;
        public Dictionary<string, YamlNode> Anchors { get; } = new();
        public int Nodes;

        public SourceSpan SpanOf(ParsingEvent e) => new(File, (int)e.Start.Line, (int)e.Start.Column);
    }

    private static YamlNode ReadNode(IParser parser, ReadState state, int depth)
    {
        if (depth > MaxDepth)
            throw new DocumentTooComplexException($"document nests deeper than {MaxDepth} levels", state.SpanOf(parser.Current!));
        if (++state.Nodes > MaxNodesPerDocument)
            throw new DocumentTooComplexException($"document has more than {MaxNodesPerDocument} nodes", state.SpanOf(parser.Current!));

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!state.Anchors.TryGetValue(alias.Value.Value, out var target))
                throw new DocumentTooComplexException($"unknown alias *{alias.Value.Value}", state.SpanOf(alias));
            return target;
        }
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var node = new YamlScalar(state.SpanOf(scalar), scalar.Value, scalar.Style == ScalarStyle.Plain);
            Remember(state, scalar.Anchor, node);
            return node;
        }
        if (parser.TryConsume<SequenceStart>(out var seqStart))
        {
            var items = new List<YamlNode>();
            while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(ReadNode(parser, state, depth + 1));
            var node = new YamlSequence(state.SpanOf(seqStart), items);
            Remember(state, seqStart.Anchor, node);
            return node;
        }
        if (parser.TryConsume<MappingStart>(out var mapStart))
        {
            var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode(parser, state, depth + 1);
                var value = ReadNode(parser, state, depth + 1);
                if (keyNode is not YamlScalar key)
                    throw new DocumentTooComplexException("a mapping key must be a plain value, not " + keyNode.Describe(), keyNode.Span);
                entries.Add(new(key, value));
            }
            var node = new YamlMapping(state.SpanOf(mapStart), entries);
            Remember(state, mapStart.Anchor, node);
            return node;
        }
        var unexpected = parser.Current!;
        throw new DocumentTooComplexException($"unexpected YAML event {unexpected.GetType().Name}", state.SpanOf(unexpected));
    }

    private static void Remember(ReadState state, AnchorName anchor, YamlNode node)
    {
        if (!anchor.IsEmpty) state.Anchors[anchor.Value] = node;
    }

    private sealed class DocumentTooComplexException(string message, SourceSpan span) : Exception(message)
    {
        public SourceSpan Span { get; } = span;
    }
}
