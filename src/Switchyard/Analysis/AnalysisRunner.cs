using Switchyard.Diagnostics;
using Switchyard.Model;

namespace Switchyard.Analysis;

/// <summary>
/// Runs the analyzers over a set of resources and returns istioctl's message list: suppressions
/// applied, other namespaces dropped (unless all namespaces), sorted and de-duplicated.
/// </summary>
public static class AnalysisRunner
{
    /// <summary>Namespaces istioctl never analyzes.</summary>
    public static readonly IReadOnlySet<string> IgnoredNamespaces =
        new HashSet<string> { "kube-system", "kube-public", "kube-node-lease", "local-path-storage" };

    public static List<Diagnostic> Run(
        IReadOnlyList<Resource> resources, AnalysisOptions options, Suppressions suppressions, IReadOnlyList<Diagnostic>? structuralErrors = null)
    {
        var visible = resources.Where(r => !IgnoredNamespaces.Contains(r.Namespace)).ToList();
        var context = new AnalysisContext(visible, structuralErrors);
        foreach (var analyzer in Selected(options))
        {
            context.CurrentAnalyzer = analyzer.Name;
            try
            {
                analyzer.Analyze(context);
            }
            catch (Exception ex)
            {
                // An analyzer bug must not hide the other analyzers' findings (istioctl: IST0001).
                context.Add(new Diagnostic
                {
                    Severity = Severity.Error,
                    Code = Messages.InternalError.Code,
                    Message = Messages.InternalError.Format($"analyzer {analyzer.Name} failed: {ex.Message}"),
                });
            }
        }

        var byRef = new Dictionary<ResourceRef, Resource>();
        foreach (var r in visible) byRef.TryAdd(r.Ref, r);
        var kept = context.Messages
            .Where(m => options.AllNamespaces || m.Resource is null || m.Resource.Namespace == options.Namespace)
            .Where(m => !suppressions.IsSuppressed(m, byRef));
        return SortAndDeduplicate(kept);
    }

    public static IEnumerable<IAnalyzer> Selected(AnalysisOptions options) =>
        options.Analyzers.Count == 0
            ? AnalyzerCatalog.All
            : AnalyzerCatalog.All.Where(a => options.Analyzers.Contains(a.Name));

    /// <summary>istioctl's order: level (Error first), code, origin, text; exact duplicates removed.</summary>
    public static List<Diagnostic> SortAndDeduplicate(IEnumerable<Diagnostic> messages)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return messages
            .OrderByDescending(m => m.Severity)
            .ThenBy(m => m.Code ?? "", StringComparer.Ordinal)
            .ThenBy(m => m.Resource is null ? "" : $"{m.Resource.Kind}/{m.Resource.Name}/{m.Resource.Namespace}", StringComparer.Ordinal)
            .ThenBy(m => m.Message, StringComparer.Ordinal)
            .ThenBy(m => m.Span.Line)
            .Where(m => seen.Add(DiagnosticFormatter.FormatAnalyzeLine(m, color: false)))
            .ToList();
    }
}
