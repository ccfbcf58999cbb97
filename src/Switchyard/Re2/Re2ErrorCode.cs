namespace Switchyard.Re2;

/// <summary>Error wording from Go's regexp/syntax (and RE2's for stacked repetition operators).</summary>
internal static class Re2ErrorCode
{
    public const string InvalidCharClass = "invalid character class";
    public const string InvalidCharRange = "invalid character class range";
    public const string InvalidEscape = "invalid escape sequence";
    public const string InvalidNamedCapture = "invalid named capture";
    public const string DuplicateCaptureName = "duplicate capture group name";
    public const string InvalidPerlOp = "invalid or unsupported Perl syntax";
    // RE2's kRegexpRepeatOp wording: "a**", "a*+", "a++" (Go says "invalid nested repetition operator").
    public const string BadRepeatOp = "bad repetition operator";
    public const string InvalidRepeatSize = "invalid repeat count";
    public const string MissingBracket = "missing closing ]";
    public const string MissingParen = "missing closing )";
    public const string MissingRepeatArgument = "missing argument to repetition operator";
    public const string TrailingBackslash = "trailing backslash at end of expression";
    public const string UnexpectedParen = "unexpected )";
    public const string NestingDepth = "expression nests too deeply";
}
