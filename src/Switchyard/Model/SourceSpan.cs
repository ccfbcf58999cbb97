namespace Switchyard.Model;

/// <summary>Where a node came from: file (or "-" for stdin) and 1-based line and column.</summary>
public readonly record struct SourceSpan(string File, int Line, int Column)
{
    public static readonly SourceSpan None = new("", 0, 0);

    public bool IsKnown => Line > 0;

    public override string ToString() => IsKnown ? $"{File}:{Line}" : File;
}
