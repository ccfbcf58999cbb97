using Switchyard.Model.Kubernetes;
using Switchyard.Registry;
using Switchyard.Text;

namespace Switchyard.Analysis.VirtualServices;

/// <summary>
/// The fix hints for a destination whose host or port does not resolve: the near-miss host
/// name, the exportTo that hides an existing service, or the ports the service really exposes.
/// </summary>
public static class HostHints
{
    /// <summary>Why <paramref name="host"/> (written in namespace <paramref name="ns"/>) found no service, when that is knowable.</summary>
    public static string? ForMissingHost(ServiceLookup lookup, string host, string ns)
    {
        if (host.Length == 0) return "the destination has no host; name a Service (reviews) or a ServiceEntry host";
        var fqdn = HostNames.ToFqdn(host, ns);
        var hidden = lookup.All.FirstOrDefault(s => string.Equals(s.Host, fqdn, StringComparison.OrdinalIgnoreCase));
        if (hidden is not null)
            return $"{fqdn} exists ({hidden.Source.Kind} {hidden.Source.Namespace}/{hidden.Source.Name}) but is not exported to namespace {ns}";

        var suggestion = ClosestHost(lookup, host, ns);
        if (suggestion is not null) return $"did you mean {GoFormat.Quote(suggestion)}?";
        if (!lookup.All.Any())
            return "no Service or ServiceEntry is in the analyzed input; add the Service manifests (in file mode they are the cluster state)";
        return null;
    }

    /// <summary>
    /// The closest visible host, compared in the form the user wrote: a short name against the
    /// short names of Services (same namespace preferred), anything else against full hosts.
    /// </summary>
    private static string? ClosestHost(ServiceLookup lookup, string host, string ns)
    {
        var isShort = !host.Contains('.') && !host.StartsWith('*');
        var byKey = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var candidate in lookup.HostNamesVisibleTo(ns).Where(h => !h.StartsWith('*')).Order(StringComparer.Ordinal))
        {
            var split = HostNames.SplitServiceFqdn(candidate);
            if (isShort && split is { } s)
            {
                var shown = s.Namespace == ns ? s.Name : candidate;
                // A same-namespace Service wins over a namesake elsewhere: it is what the short name means.
                if (!byKey.TryGetValue(s.Name, out var existing) || (s.Namespace == ns && existing != s.Name)) byKey[s.Name] = shown;
            }
            else
            {
                byKey.TryAdd(candidate, candidate);
            }
        }
        var key = DidYouMean.Suggest(host, byKey.Keys);
        return key is null ? null : byKey[key];
    }

    /// <summary>The service's ports, as <c>80 (http), 443 (https)</c>.</summary>
    public static string DescribePorts(MeshService service) =>
        string.Join(", ", service.Ports.Select(p => string.IsNullOrEmpty(p.Name) ? $"{p.Number}" : $"{p.Number} ({p.Name})"));

    /// <summary>For a port the service does not expose: the Service port whose targetPort it is (a common mix-up), else the real ports.</summary>
    public static string ForMissingPort(MeshService service, uint port)
    {
        if (service.Source is Service k8s)
        {
            foreach (var p in k8s.Spec.Ports ?? [])
            {
                if (p?.Port is not { } servicePort || p.TargetPort != port.ToString(System.Globalization.CultureInfo.InvariantCulture)) continue;
                var name = string.IsNullOrEmpty(p.Name) ? "" : $" ({p.Name})";
                return $"{port} is the targetPort of service port {servicePort}{name}; a destination names the service port: port: {{number: {servicePort}}}";
            }
        }
        return service.Ports.Count == 0
            ? $"{service.Host} declares no ports"
            : $"{service.Host} exposes {DescribePorts(service)}";
    }
}
