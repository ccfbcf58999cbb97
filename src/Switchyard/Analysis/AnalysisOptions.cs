namespace Switchyard.Analysis;

public sealed record AnalysisOptions
{
    /// <summary>The namespace analyzed; messages about other namespaces are dropped unless <see cref="AllNamespaces"/>.</summary>
    public string Namespace { get; init; } = "default";

    public bool AllNamespaces { get; init; }

    /// <summary>Analyzer names to run (<c>--analyzer</c>); all when empty.</summary>
    public IReadOnlyList<string> Analyzers { get; init; } = [];

    /// <summary><c>-S "CODE=Kind name.namespace"</c> entries; <c>*</c> globs allowed.</summary>
    public IReadOnlyList<string> Suppressions { get; init; } = [];
}
