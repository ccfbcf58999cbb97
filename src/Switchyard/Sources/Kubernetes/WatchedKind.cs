using Switchyard.Loading;

namespace Switchyard.Sources.Kubernetes;

/// <summary>
/// One kind KubernetesSource lists and watches: every kind the loader reads
/// (<see cref="ResourceKinds.All"/>: the Istio kinds, Services, Pods, EndpointSlices, workloads),
/// with the versions to try in order (Istio's v1, then v1beta1 and v1alpha3 on an older control
/// plane) and the URL of its collection across all namespaces.
/// </summary>
public sealed record WatchedKind(string Group, string Kind, IReadOnlyList<string> Versions, string Plural)
{
    public static IReadOnlyList<WatchedKind> All { get; } =
        ResourceKinds.All.Select(k => new WatchedKind(k.Group, k.Kind, k.Versions, PluralOf(k.Kind))).ToList();

    public string Path(string version) => Group.Length == 0 ? $"api/{version}/{Plural}" : $"apis/{Group}/{version}/{Plural}";

    /// <summary>Kubernetes' plural of a kind's lower-cased name, as apimachinery's UnsafeGuessKindToResource
    /// guesses it: ServiceEntry → serviceentries, but Gateway → gateways (a vowel before the y).</summary>
    public static string PluralOf(string kind)
    {
        var lower = kind.ToLowerInvariant();
        return lower.Length > 1 && lower[^1] == 'y' && "aeiou".IndexOf(lower[^2]) < 0 ? lower[..^1] + "ies" : lower + "s";
    }
}
