using Switchyard.Diagnostics;
using Switchyard.Model;

namespace Switchyard.Sources;

/// <summary>
/// One pass of the config pipeline over some inputs, with what each command needs to print it:
/// the admitted <see cref="Set"/> (the verdict: what <c>run</c> would serve and what it would
/// refuse, in <see cref="ConfigSet.Rejected"/>), and the parts of the read that <c>analyze</c>
/// reports in its own terms.
/// </summary>
public sealed class ConfigLoad
{
    internal ConfigLoad(ConfigSet set, IReadOnlyList<Resource> analyzed, IReadOnlyList<Diagnostic> inputErrors,
        IReadOnlyList<Diagnostic> syntaxErrors, IReadOnlyList<Diagnostic> structuralErrors)
    {
        Set = set;
        Analyzed = analyzed;
        InputErrors = inputErrors;
        SyntaxErrors = syntaxErrors;
        StructuralErrors = structuralErrors;
    }

    /// <summary>The admitted set (version 1): live resources, rejections with file:line, warnings, files read.</summary>
    public ConfigSet Set { get; }

    /// <summary>
    /// Every resource read, valid or not, less definitions refused as duplicates: what analyzers
    /// look at (istioctl analyzes invalid resources too; its schema analyzer reports them).
    /// </summary>
    public IReadOnlyList<Resource> Analyzed { get; }

    /// <summary>Inputs that could not be read at all (a missing path, EACCES, EMFILE): a usage problem, nothing was judged.</summary>
    public IReadOnlyList<Diagnostic> InputErrors { get; }

    /// <summary>Files that could not be parsed: YAML/JSON syntax errors, files over the size limit (also in <see cref="ConfigSet.Rejected"/>).</summary>
    public IReadOnlyList<Diagnostic> SyntaxErrors { get; }

    /// <summary>
    /// Per-resource refusals that no validator re-derives from a resource: the loader's field
    /// errors (unknown field, wrong type) and duplicate definitions. Analysis reports them as
    /// schema errors (IST0106).
    /// </summary>
    public IReadOnlyList<Diagnostic> StructuralErrors { get; }

    /// <summary>Whether the inputs were read and nothing in them was refused.</summary>
    public bool IsValid => InputErrors.Count == 0 && !Set.Rejected.Any(d => d.Severity == Severity.Error);
}
