namespace Switchyard.Re2;

/// <summary>
/// The parsed RE2 syntax tree. Flags ((?i), (?s), (?m), (?U)) are resolved while parsing, so each
/// node already carries its meaning and the translator needs no flag state.
/// </summary>
internal abstract record Re2Node;

/// <summary>Matches the empty string (an empty group or alternative).</summary>
internal sealed record EmptyNode : Re2Node;

/// <summary>One code point, matched exactly (case folding already turned into a class).</summary>
internal sealed record LiteralNode(int CodePoint) : Re2Node;

/// <summary>One code point out of a set: ., \d, [a-z], \pL, \C.</summary>
internal sealed record ClassNode(CodePointSet Set) : Re2Node;

/// <summary>A zero-width assertion.</summary>
internal sealed record AssertionNode(AssertionKind Kind) : Re2Node;

internal sealed record ConcatNode(IReadOnlyList<Re2Node> Items) : Re2Node;

internal sealed record AlternateNode(IReadOnlyList<Re2Node> Items) : Re2Node;

/// <summary>A capturing group; <see cref="Index"/> is RE2's 1-based, left-to-right number.</summary>
internal sealed record CaptureNode(int Index, string? Name, Re2Node Sub) : Re2Node;

/// <summary>Repetition; <see cref="Max"/> is -1 when unbounded; Greedy already reflects (?U).</summary>
internal sealed record RepeatNode(Re2Node Sub, int Min, int Max, bool Greedy) : Re2Node;

internal enum AssertionKind
{
    BeginText,
    EndText,
    BeginLine,
    EndLine,
    WordBoundary,
    NoWordBoundary,
}
