using Switchyard.Model.Networking;

namespace Switchyard.Analysis.VirtualServices;

/// <summary>
/// istioctl's <c>virtualservice.DestinationHostAnalyzer</c> (pkg/config/analysis/analyzers/virtualservice/destinationhosts.go):
/// every route and mirror destination must name a known Service or ServiceEntry host (IST0101),
/// with a port when the service has several (IST0112) and only a port it exposes (IST0101
/// <c>host:port</c>); and a gateway-bound route without subset is flagged when another
/// VirtualService splits the same host by subset (IST0140), since gateway traffic never sees that split.
/// </summary>
public sealed class DestinationHostAnalyzer : IAnalyzer
{
    public string Name => "virtualservice.DestinationHostAnalyzer";

    public string Description => "Checks the destination hosts associated with each virtual service";

    public IReadOnlyList<MessageType> Produces =>
        [Messages.ReferencedResourceNotFound, Messages.VirtualServiceDestinationPortSelectorRequired, Messages.IngressRouteRulesNotAffected];

    public void Analyze(AnalysisContext context)
    {
        var subsetRoutes = SubsetRoutesToOwnHosts(context.VirtualServices);
        foreach (var vs in context.VirtualServices)
        {
            foreach (var d in RouteDestination.All(vs.Spec))
                CheckHost(context, vs, d);
            CheckGatewayRoutesWithoutSubset(context, vs, subsetRoutes);
        }
    }

    private static void CheckHost(AnalysisContext context, VirtualService vs, RouteDestination d)
    {
        // Found when visible to the VS's namespace or to a namespace the VS is exported to
        // (ServiceLookup.Find; istioctl's lookup skips the VS's own namespace when exportTo is set).
        var service = context.ServiceLookup.Find(d.Host, vs.Namespace, vs.Spec.ExportTo);
        if (service is null)
        {
            context.Report(Messages.ReferencedResourceNotFound, vs, d.HostPath,
                HostHints.ForMissingHost(context.ServiceLookup, d.Host, vs.Namespace),
                d.IsMirror ? "mirror host" : "host", GoFormat.Quote(d.Host));
            return;
        }

        var port = d.Destination?.Port;
        if (port is null)
        {
            // No port is fine unless the service has several: then Envoy cannot pick one.
            if (service.Ports.Count > 1)
                context.Report(Messages.VirtualServiceDestinationPortSelectorRequired, vs, d.HostPath,
                    $"add port: {{number: {service.Ports[0].Number}}} (or another); {service.Host} exposes {HostHints.DescribePorts(service)}",
                    GoFormat.Quote(d.Host), GoFormat.List(service.Ports.Select(p => p.Number)));
            return;
        }

        // `port: {}` reads as port 0 in Go, which no service exposes.
        var number = port.Number ?? 0;
        if (service.Ports.Any(p => p.Number == number)) return;
        context.Report(Messages.ReferencedResourceNotFound, vs, port.Number is null ? d.Path + ".port" : d.PortPath,
            HostHints.ForMissingPort(service, number), "host:port", GoFormat.Quote($"{d.Host}:{number}"));
    }

    /// <summary>IST0140: a gateway-bound route to a host without a subset, while some VirtualService
    /// (this one included) routes that host, one of its own hosts, to a subset.</summary>
    private static void CheckGatewayRoutesWithoutSubset(
        AnalysisContext context, VirtualService vs, IReadOnlyList<(VirtualService Owner, string Host)> subsetRoutes)
    {
        if (vs.Spec.Gateways is not { Count: > 0 }) return;
        var self = $"{vs.Namespace}/{vs.Name}";
        foreach (var d in RouteDestination.Routes(vs.Spec))
        {
            if (d.RuleKind != "http" || d.Destination is null || d.Subset.Length > 0) continue;
            foreach (var (owner, host) in subsetRoutes)
            {
                if (host != d.Host) continue;
                var other = $"{owner.Namespace}/{owner.Name}";
                context.Report(Messages.IngressRouteRulesNotAffected, vs, d.HostPath,
                    $"gateway requests routed here reach every version of {d.Host}; the subsets chosen in VirtualService {other} do not apply to them: set a subset on this destination",
                    other, self);
            }
        }
    }

    /// <summary>Per Istio's initVirtualServiceDestinations: http destinations with a subset whose host
    /// string is one of the VirtualService's own hosts (exact string compare, as istioctl does).</summary>
    private static List<(VirtualService Owner, string Host)> SubsetRoutesToOwnHosts(IEnumerable<VirtualService> all)
    {
        var result = new List<(VirtualService, string)>();
        foreach (var vs in all.OrderBy(v => v.Namespace, StringComparer.Ordinal).ThenBy(v => v.Name, StringComparer.Ordinal))
        {
            var hosts = vs.Spec.Hosts ?? [];
            foreach (var d in RouteDestination.Routes(vs.Spec))
                if (d.RuleKind == "http" && d.Subset.Length > 0 && hosts.Contains(d.Host))
                    result.Add((vs, d.Host));
        }
        return result;
    }
}
