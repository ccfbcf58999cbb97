using Switchyard.Registry;

namespace Switchyard.Translation;

/// <summary>
/// Every name a host answers to, as the domains of an Envoy sidecar virtual host: a cluster
/// service as FQDN, <c>name.ns.svc</c>, <c>name.ns</c> and — only for a proxy in the service's
/// namespace, where DNS search paths resolve it — the short <c>name</c>; any other host as
/// written. Each also with <c>:port</c> for every port of the service. All lowercase.
/// </summary>
public static class HostKeys
{
    public static IReadOnlyList<string> For(string host, MeshServiceEntry? service, string proxyNamespace)
    {
        host = host.ToLowerInvariant();
        var names = new List<string> { host };
        if (HostNames.SplitServiceFqdn(host) is var (ns, name))
        {
            names.Add($"{name}.{ns}.svc");
            names.Add($"{name}.{ns}");
            if (ns == proxyNamespace) names.Add(name);
        }
        var keys = new List<string>(names);
        foreach (var port in service?.Ports ?? [])
            foreach (var n in names) keys.Add($"{n}:{port.Number}");
        return keys;
    }
}
