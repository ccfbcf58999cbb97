namespace Switchyard.Translation.Normalize;

/// <summary>Istio's exportTo: empty = every namespace (the mesh default), <c>*</c> = every,
/// <c>.</c> = the resource's own namespace, otherwise the namespaces named.</summary>
public static class ExportScope
{
    public static bool IsVisible(IReadOnlyList<string>? exportTo, string ownNamespace, string viewerNamespace)
    {
        if (exportTo is null || exportTo.Count == 0) return true;
        foreach (var e in exportTo)
        {
            if (e == "*") return true;
            if (e == "." ? ownNamespace == viewerNamespace : e == viewerNamespace) return true;
        }
        return false;
    }

    /// <summary>
    /// Istio's exportToScopes: <c>["*"]</c> when exported everywhere (empty list or <c>*</c>
    /// listed), else each namespace named, with <c>.</c> resolved to the resource's own.
    /// </summary>
    public static IReadOnlyList<string> Scopes(IReadOnlyList<string>? exportTo, string ownNamespace)
    {
        if (exportTo is null || exportTo.Count == 0 || exportTo.Contains("*")) return ["*"];
        return exportTo.Select(e => e == "." ? ownNamespace : e).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>A comparable key of an exportTo list (with <c>.</c> resolved), for merge grouping.</summary>
    public static string Key(IReadOnlyList<string>? exportTo, string ownNamespace) =>
        exportTo is null || exportTo.Count == 0 ? "*"
            : string.Join(',', exportTo.Select(e => e == "." ? ownNamespace : e).Order(StringComparer.Ordinal));
}
