namespace Switchyard.Translation.Routes;

/// <summary>What a compiled <see cref="StringMatcher"/> checks.</summary>
internal enum StringMatchKind
{
    /// <summary>No exact, prefix or regex: any value (for headers, query params: presence).</summary>
    Any,
    Exact,
    Prefix,

    /// <summary>RE2, full match (Envoy's safe_regex).</summary>
    Regex,

    /// <summary>A regex that does not compile: the condition never holds.</summary>
    Never,
}
