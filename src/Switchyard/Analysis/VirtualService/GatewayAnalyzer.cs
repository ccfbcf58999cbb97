using Switchyard.Model.Networking;
using Switchyard.Text;

namespace Switchyard.Analysis.VirtualServices;

/// <summary>
/// istioctl's <c>virtualservice.GatewayAnalyzer</c> (pkg/config/analysis/analyzers/virtualservice/gateways.go).
/// For each <c>spec.gateways</c> entry but <c>mesh</c> (<c>ns/name</c>, or a bare name in the
/// VirtualService's namespace): no such Gateway is IST0101 (reftype <c>gateway</c>); then, when no
/// host the gateway serves to this namespace overlaps a VirtualService host, IST0132 — for a
/// missing gateway too, as istioctl does. Both on the line of the gateway entry. Gateway hosts are
/// read as istioctl's <c>sanitizeServerHostNamespace</c> and <c>host.NamesForNamespace</c> do:
/// <c>./h</c> belongs to the gateway's namespace, <c>*/h</c> to all, <c>ns/h</c> only to VirtualServices of <c>ns</c>.
/// (IST0165, for implementation-generated gateways, does not apply: Switchyard reads no Gateway API resources.)
/// </summary>
public sealed class GatewayAnalyzer : IAnalyzer
{
    public string Name => "virtualservice.GatewayAnalyzer";

    public string Description => "Checks the gateways associated with each virtual service";

    public IReadOnlyList<MessageType> Produces => [Messages.ReferencedResourceNotFound, Messages.VirtualServiceHostNotFoundInGateway];

    public void Analyze(AnalysisContext context)
    {
        var gateways = new Dictionary<(string Namespace, string Name), Gateway>();
        foreach (var gw in context.Gateways) gateways.TryAdd((gw.Namespace, gw.Name), gw);

        foreach (var vs in context.VirtualServices)
        {
            var entries = vs.Spec.Gateways ?? [];
            var vsHosts = vs.Spec.Hosts ?? [];
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                if (entry == "mesh") continue;
                var (ns, name) = SplitName(entry, vs.Namespace);
                var path = $"spec.gateways[{i}]";
                gateways.TryGetValue((ns, name), out var gateway);
                if (gateway is null)
                    context.Report(Messages.ReferencedResourceNotFound, vs, path,
                        GatewayHints.ForMissingGateway(entry, vs.Namespace, context.Gateways), "gateway", GoFormat.Quote(entry));

                var served = gateway is null ? new List<string>() : HostsServedTo(gateway, vs.Namespace);
                if (!served.Any(g => vsHosts.Any(h => HostOverlap.Overlaps(g, h))))
                    context.Report(Messages.VirtualServiceHostNotFoundInGateway, vs, path,
                        gateway is null ? $"Gateway {ns}/{name} does not exist, so it serves no host" : GatewayHints.ForUnservedHosts(gateway, vs.Namespace, served),
                        GoFormat.List(vsHosts), $"{vs.Namespace}/{vs.Name}", $"{ns}/{name}");
            }
        }
    }

    /// <summary>Istio's <c>resource.NewShortOrFullName</c>: <c>ns/name</c>, or a bare name in <paramref name="defaultNamespace"/>.</summary>
    public static (string Namespace, string Name) SplitName(string entry, string defaultNamespace)
    {
        var slash = entry.IndexOf('/');
        return slash < 0 ? (defaultNamespace, entry) : (entry[..slash], entry[(slash + 1)..]);
    }

    /// <summary>The host names of <paramref name="gateway"/> that VirtualServices of <paramref name="vsNamespace"/> may bind to.</summary>
    public static List<string> HostsServedTo(Gateway gateway, string vsNamespace)
    {
        var served = new List<string>();
        foreach (var host in SanitizedHosts(gateway))
        {
            var slash = host.IndexOf('/');
            if (slash < 0) { served.Add(host); continue; }
            var ns = host[..slash];
            if (ns != vsNamespace && ns != "*") continue;
            served.Add(host[(slash + 1)..].Split('/')[0]);
        }
        return served;
    }

    // istioctl's sanitizeServerHostNamespace: "./h" -> "<gateway ns>/h", "*/h" -> "h", and "*/*"
    // makes the whole server "*".
    private static IEnumerable<string> SanitizedHosts(Gateway gateway)
    {
        foreach (var server in gateway.Spec.Servers ?? [])
        {
            if (server is null) continue;
            var hosts = new List<string>();
            foreach (var host in server.Hosts ?? [])
            {
                var parts = host.Split('/');
                if (parts.Length < 2) { hosts.Add(host); continue; }
                if (parts[0] == ".") hosts.Add($"{gateway.Namespace}/{parts[1]}");
                else if (parts[0] == "*" && parts[1] == "*") { hosts = ["*"]; break; }
                else if (parts[0] == "*") hosts.Add(parts[1]);
                else hosts.Add(host);
            }
            foreach (var h in hosts) yield return h;
        }
    }
}
