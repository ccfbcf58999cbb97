namespace Switchyard.Loading;

public sealed record LoadOptions
{
    /// <summary>The default for <see cref="MaxFileBytes"/>: 64 MiB, far above any real config file.</summary>
    public const long DefaultMaxFileBytes = 64L * 1024 * 1024;

    /// <summary>The namespace of resources whose metadata has none (<c>-n</c>; default <c>default</c>).</summary>
    public string DefaultNamespace { get; init; } = "default";

    /// <summary>What <c>-</c> reads; the process's standard input when null.</summary>
    public TextReader? Stdin { get; init; }

    /// <summary>
    /// The largest config file read, in bytes. A larger one is an error naming the file, its size
    /// and the limit, and keeps the resources it had (as a file with a syntax error does), so a
    /// stray dump or a link to a huge file cannot exhaust memory.
    /// </summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;
}
