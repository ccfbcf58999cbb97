namespace Switchyard.Re2;

/// <summary>What the parser hands the translator.</summary>
/// <param name="Root">The syntax tree.</param>
/// <param name="CaptureCount">Number of capturing groups, as RE2 counts them.</param>
/// <param name="Unmatchable">Set when the pattern is valid RE2 but uses something we cannot
/// translate (a Unicode script without ranges); names that construct.</param>
internal sealed record Re2ParseResult(Re2Node Root, int CaptureCount, IReadOnlyList<string?> CaptureNames, string? Unmatchable);
