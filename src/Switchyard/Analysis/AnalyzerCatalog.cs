namespace Switchyard.Analysis;

/// <summary>Every analyzer in this assembly, found by type so adding one is adding one file.</summary>
public static class AnalyzerCatalog
{
    private static readonly Lazy<IReadOnlyList<IAnalyzer>> Analyzers = new(() =>
        typeof(IAnalyzer).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAnalyzer).IsAssignableFrom(t)
                        && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IAnalyzer)Activator.CreateInstance(t)!)
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToList());

    public static IReadOnlyList<IAnalyzer> All => Analyzers.Value;

    public static IAnalyzer? Find(string name) => All.FirstOrDefault(a => a.Name == name);
}
