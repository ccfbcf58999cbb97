using Switchyard.Translation.Normalize;
using Switchyard.Model;
using Switchyard.Model.Kubernetes;
using Switchyard.Model.Networking;
using Switchyard.Registry;

namespace Switchyard.Analysis;

/// <summary>A service host the mesh knows, with the namespaces it is exported to.</summary>
public sealed record MeshService(string Host, IReadOnlyList<MeshServicePort> Ports, IReadOnlySet<string> ExportedTo, Resource Source)
{
    public bool IsVisibleTo(string ns) => ExportedTo.Contains("*") || ExportedTo.Contains(ns);
}

public sealed record MeshServicePort(uint Number, string? Name, string? Protocol);

/// <summary>
/// Finds the service a host refers to, the way Istio's analyzers do: Kubernetes Services as
/// <c>name.ns.svc.cluster.local</c> (exported per the <c>networking.istio.io/exportTo</c>
/// annotation) and ServiceEntry hosts (per their exportTo), exact first, then wildcard hosts.
/// Unlike istioctl's lookup, a service counts as found when it is visible to the referring
/// resource's namespace or to any namespace the resource is exported to — istioctl only
/// consults the latter and reports false IST0101s for setups that work.
/// </summary>
public sealed class ServiceLookup
{
    private readonly Dictionary<string, List<MeshService>> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<MeshService> _wildcards = new();

    public ServiceLookup(IEnumerable<Service> services, IEnumerable<ServiceEntry> entries)
    {
        foreach (var s in services)
        {
            var ports = (s.Spec.Ports ?? []).Where(p => p?.Port is not null)
                .Select(p => new MeshServicePort((uint)p!.Port!.Value, p.Name, p.Protocol)).ToList();
            var annotation = s.Metadata.Annotations?.GetValueOrDefault("networking.istio.io/exportTo");
            var scopes = annotation is null ? ["*"] : annotation.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            Add(new MeshService(HostNames.ToFqdn(s.Name, s.Namespace), ports, Scopes(scopes, s.Namespace), s));
        }
        foreach (var se in entries)
        {
            var ports = (se.Spec.Ports ?? []).Where(p => p?.Number is not null)
                .Select(p => new MeshServicePort(p!.Number!.Value, p.Name, p.Protocol)).ToList();
            var scopes = Scopes(se.Spec.ExportTo ?? [], se.Namespace);
            foreach (var host in se.Spec.Hosts ?? [])
                Add(new MeshService(HostNames.ToFqdn(host, se.Namespace), ports, scopes, se));
        }
    }

    public IEnumerable<MeshService> All => _exact.Values.SelectMany(v => v).Concat(_wildcards);

    /// <summary>The service <paramref name="host"/> (as written in a resource of namespace
    /// <paramref name="ns"/> exported to <paramref name="exportTo"/>) refers to, or null.</summary>
    public MeshService? Find(string host, string ns, IReadOnlyList<string>? exportTo)
    {
        var fqdn = HostNames.ToFqdn(host, ns);
        var viewers = Viewers(ns, exportTo);
        if (_exact.TryGetValue(fqdn, out var exact))
            foreach (var s in exact)
                if (viewers.Contains("*") || viewers.Any(s.IsVisibleTo)) return s;
        foreach (var s in _wildcards)
            if (HostNames.Matches(s.Host, fqdn) && (s.IsVisibleTo("*") || s.IsVisibleTo(ns))) return s;
        return null;
    }

    /// <summary>Hosts that are close to <paramref name="host"/>, for did-you-mean hints.</summary>
    public IEnumerable<string> HostNamesVisibleTo(string ns) =>
        All.Where(s => s.IsVisibleTo(ns)).Select(s => s.Host).Distinct(StringComparer.OrdinalIgnoreCase);

    private void Add(MeshService s)
    {
        if (s.Host.StartsWith('*')) { _wildcards.Add(s); return; }
        if (!_exact.TryGetValue(s.Host, out var list)) _exact[s.Host] = list = new List<MeshService>();
        list.Add(s);
    }

    private static IReadOnlySet<string> Scopes(IReadOnlyList<string> exportTo, string ns) =>
        ExportScope.Scopes(exportTo, ns).ToHashSet(StringComparer.Ordinal);

    private static List<string> Viewers(string ns, IReadOnlyList<string>? exportTo)
    {
        var viewers = new List<string> { ns };
        foreach (var e in exportTo ?? [])
            viewers.Add(e == "." ? ns : e);
        return viewers;
    }
}
