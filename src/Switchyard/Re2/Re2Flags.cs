namespace Switchyard.Re2;

/// <summary>The flags RE2 lets a pattern set with (?flags) or (?flags:re).</summary>
[Flags]
internal enum Re2Flags
{
    None = 0,
    /// <summary>(?i) case-insensitive.</summary>
    FoldCase = 1,
    /// <summary>(?m) ^ and $ match at line boundaries.</summary>
    MultiLine = 2,
    /// <summary>(?s) . matches \n.</summary>
    DotNewLine = 4,
    /// <summary>(?U) swaps the meaning of x* and x*?.</summary>
    Ungreedy = 8,
}
