namespace Switchyard.Loading;

public sealed record LoadOptions
{
    /// <summary>The namespace of resources whose metadata has none (<c>-n</c>; default <c>default</c>).</summary>
    public string DefaultNamespace { get; init; } = "default";

    /// <summary>What <c>-</c> reads; the process's standard input when null.</summary>
    public TextReader? Stdin { get; init; }
}
