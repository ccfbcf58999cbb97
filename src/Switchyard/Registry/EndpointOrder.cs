namespace Switchyard.Registry;

/// <summary>One deterministic order for endpoints (by address, then port; duplicates dropped), so
/// the same input always gives the same snapshot and the same JSON.</summary>
internal static class EndpointOrder
{
    public static IReadOnlyList<Endpoint> Sorted(IEnumerable<Endpoint> endpoints) =>
        endpoints.DistinctBy(e => (e.Address, e.Port))
            .OrderBy(e => e.Address, StringComparer.Ordinal).ThenBy(e => e.Port).ToList();
}
