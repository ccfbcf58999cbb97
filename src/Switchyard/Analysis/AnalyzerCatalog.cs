using System.Diagnostics.CodeAnalysis;

namespace Switchyard.Analysis;

/// <summary>Every analyzer in this assembly, found by type so adding one is adding one file.</summary>
public static class AnalyzerCatalog
{
    private static readonly Lazy<IReadOnlyList<IAnalyzer>> Analyzers = new(Discover);

    public static IReadOnlyList<IAnalyzer> All => Analyzers.Value;

    public static IAnalyzer? Find(string name) => All.FirstOrDefault(a => a.Name == name);

    // Trimmed and NativeAOT builds keep every type of this assembly (ILLink.Descriptors.xml).
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Switchyard.Core is preserved whole by ILLink.Descriptors.xml.")]
    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "Switchyard.Core is preserved whole by ILLink.Descriptors.xml.")]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Switchyard.Core is preserved whole by ILLink.Descriptors.xml.")]
    private static IReadOnlyList<IAnalyzer> Discover() =>
        typeof(IAnalyzer).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAnalyzer).IsAssignableFrom(t)
                        && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IAnalyzer)Activator.CreateInstance(t)!)
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
}
