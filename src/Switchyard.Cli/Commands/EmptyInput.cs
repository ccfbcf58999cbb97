using Switchyard.Diagnostics;
using Switchyard.Sources;

namespace Switchyard.Cli.Commands;

/// <summary>
/// Input that holds no resource at all: an empty directory, a file of comments, a path one level
/// above the YAML. kubectl refuses it ("error: no objects passed to apply", exit 1) rather than
/// report success; <c>validate</c> and <c>analyze</c> do the same, so a CI step pointed at the
/// wrong path fails instead of printing "✔ 0 resources valid".
/// </summary>
internal static class EmptyInput
{
    /// <summary>Nothing was read, and nothing was refused either (a syntax error or an invalid
    /// resource is reported as itself, not as emptiness).</summary>
    public static bool IsEmpty(ConfigLoad load) =>
        load.Analyzed.Count == 0
        && load.SyntaxErrors.Count == 0
        && !load.StructuralErrors.Any(d => d.Severity == Severity.Error)
        && !load.Set.Rejected.Any(d => d.Severity == Severity.Error);

    /// <summary>One line for stderr, naming what was given and how many files were read.</summary>
    public static string Message(string command, IReadOnlyList<string> given, ConfigLoad load, string why = "") =>
        $"error: no objects passed to {command}: no resources in {string.Join(", ", given)} "
        + $"({load.Set.Files.Count} file(s) read){why}";
}
