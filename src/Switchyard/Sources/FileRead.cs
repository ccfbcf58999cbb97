using Switchyard.Diagnostics;
using Switchyard.Loading;

namespace Switchyard.Sources;

/// <summary>
/// One file as read in a round: its text and load result; or, for a file held back this round
/// (see <see cref="UnsettledFiles"/>), no result and the note that says why.
/// </summary>
internal sealed record FileRead(string File, LoadResult? Result, Diagnostic? HeldBecause, string? Text = null)
{
    /// <summary>
    /// Held back, YAML that does not parse, or a file too large to read: nothing in it can be trusted this round, so the
    /// file keeps what it had (a half-saved file must not take routes down).
    /// </summary>
    public bool IsBroken => HeldBecause is not null || Result is null || Result.SyntaxErrors.Count > 0 || Result.InputErrors.Count > 0;

    public static FileRead Held(string file, Diagnostic because) => new(file, null, because);
}
