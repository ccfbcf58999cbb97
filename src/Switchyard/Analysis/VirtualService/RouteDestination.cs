using Switchyard.Model.Networking;

namespace Switchyard.Analysis.VirtualServices;

/// <summary>
/// One destination a VirtualService sends traffic to, with where it sits: a route destination
/// (<c>spec.http[0].route[1].destination</c>) or a mirror (<c>spec.http[0].mirror</c>,
/// <c>spec.http[0].mirrors[2].destination</c>). Istio's analyzers walk the same list
/// (virtualservice/util.go getRouteDestinations, getHTTPMirrorDestinations).
/// </summary>
/// <param name="Destination">Null when the YAML has none; istioctl then sees an empty host.</param>
/// <param name="Path">The YAML path of the destination object; fields are <c>Path + ".host"</c> etc.</param>
/// <param name="IsMirror">True for <c>mirror</c> and <c>mirrors</c>.</param>
/// <param name="RuleKind"><c>http</c>, <c>tcp</c> or <c>tls</c>.</param>
public sealed record RouteDestination(Destination? Destination, string Path, bool IsMirror, string RuleKind)
{
    public string Host => Destination?.Host ?? "";

    public string Subset => Destination?.Subset ?? "";

    public string HostPath => Path + ".host";

    public string SubsetPath => Path + ".subset";

    public string PortPath => Path + ".port.number";

    /// <summary>Every destination of <paramref name="spec"/>: tcp, tls, http routes, then http mirrors (istioctl's order).</summary>
    public static IEnumerable<RouteDestination> All(VirtualServiceSpec spec) => Routes(spec).Concat(Mirrors(spec));

    public static IEnumerable<RouteDestination> Routes(VirtualServiceSpec spec)
    {
        foreach (var (i, rule) in Indexed(spec.Tcp))
            foreach (var (j, rd) in Indexed(rule?.Route))
                yield return new RouteDestination(rd?.Destination, $"spec.tcp[{i}].route[{j}].destination", false, "tcp");
        foreach (var (i, rule) in Indexed(spec.Tls))
            foreach (var (j, rd) in Indexed(rule?.Route))
                yield return new RouteDestination(rd?.Destination, $"spec.tls[{i}].route[{j}].destination", false, "tls");
        foreach (var (i, rule) in Indexed(spec.Http))
            foreach (var (j, rd) in Indexed(rule?.Route))
                yield return new RouteDestination(rd?.Destination, $"spec.http[{i}].route[{j}].destination", false, "http");
    }

    public static IEnumerable<RouteDestination> Mirrors(VirtualServiceSpec spec)
    {
        foreach (var (i, rule) in Indexed(spec.Http))
        {
            if (rule?.Mirror is { } mirror)
                yield return new RouteDestination(mirror, $"spec.http[{i}].mirror", true, "http");
            foreach (var (j, m) in Indexed(rule?.Mirrors))
                yield return new RouteDestination(m?.Destination, $"spec.http[{i}].mirrors[{j}].destination", true, "http");
        }
    }

    private static IEnumerable<(int Index, T Item)> Indexed<T>(IReadOnlyList<T>? items)
    {
        if (items is null) yield break;
        for (var i = 0; i < items.Count; i++) yield return (i, items[i]);
    }
}
