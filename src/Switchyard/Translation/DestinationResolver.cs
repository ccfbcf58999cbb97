using Switchyard.Diagnostics;
using Switchyard.Model;
using Switchyard.Model.Networking;
using Switchyard.Registry;
using Switchyard.Translation.Clusters;

namespace Switchyard.Translation;

/// <summary>
/// A route destination → its cluster name, as pilot's GetDestinationCluster: the host qualified
/// with the VirtualService's namespace; the port as written, else the service's only port, else
/// (several ports) the first one with a diagnostic — Envoy would use the listener port, which a
/// snapshot shared by all ports does not know — else 80.
/// </summary>
internal static class DestinationResolver
{
    public const uint DefaultPort = 80;

    public static string Resolve(Destination destination, Resource owner, string fieldPath, TranslationContext ctx)
    {
        var host = HostNames.ToFqdn(destination.Host ?? "", owner.Namespace);
        var service = ctx.Registry.Find(host);
        if (service is not null) host = service.Hostname;
        uint port;
        if (destination.Port?.Number is { } written) port = written;
        else if (service is { Ports.Count: 1 }) port = service.Ports[0].Number;
        else if (service is { Ports.Count: > 1 })
        {
            port = service.Ports[0].Number;
            ctx.Diagnostics.Add(Diagnostic.Warning(
                $"destination host {host} has several ports and none is given; using the first, {port}",
                owner.SpanOf(fieldPath), owner.Ref, fieldPath + ".port", "set destination.port.number"));
        }
        else port = DefaultPort;
        var subset = string.IsNullOrEmpty(destination.Subset) ? null : destination.Subset;
        var name = ClusterKey.Of(port, subset, host);
        ctx.Request(new ClusterRequest(name, host, subset, port, owner.Ref, owner.SpanOf(fieldPath), fieldPath));
        return name;
    }
}
