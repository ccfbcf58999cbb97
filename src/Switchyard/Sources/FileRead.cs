using Switchyard.Diagnostics;
using Switchyard.Loading;

namespace Switchyard.Sources;

/// <summary>One file as read in a reload round: its load result, or why it could not be read.</summary>
internal sealed record FileRead(string File, LoadResult? Result, Diagnostic? ReadError)
{
    /// <summary>
    /// Unreadable, or YAML that does not parse: nothing in it can be trusted this round, so the
    /// file keeps what it had (a half-saved file must not take routes down).
    /// </summary>
    public bool IsBroken => ReadError is not null || Result is null || Result.SyntaxErrors.Count > 0;
}
