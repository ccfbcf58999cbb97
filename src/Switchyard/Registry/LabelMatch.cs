namespace Switchyard.Registry;

/// <summary>Kubernetes equality-based selection: every selector pair must be among the labels.
/// Shared by Service selectors, ServiceEntry workloadSelectors and DestinationRule subsets.</summary>
public static class LabelMatch
{
    public static bool Selects(IReadOnlyDictionary<string, string>? selector, IReadOnlyDictionary<string, string>? labels)
    {
        if (selector is null || selector.Count == 0) return true;
        if (labels is null) return false;
        foreach (var (key, value) in selector)
            if (!labels.TryGetValue(key, out var actual) || actual != value) return false;
        return true;
    }
}
