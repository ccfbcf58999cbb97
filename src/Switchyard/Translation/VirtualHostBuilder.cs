using Switchyard.Diagnostics;
using Switchyard.Model.Networking;
using Switchyard.Registry;
using Switchyard.Translation.Clusters;
using Switchyard.Translation.Routes;

namespace Switchyard.Translation;

/// <summary>
/// Virtual hosts for a sidecar: one per host of every VirtualService bound to the mesh and
/// exported to the proxy's namespace, and, for every registry service no VirtualService covers,
/// Istio's default route (everything to the service's whole-service cluster).
/// Keys point at the same instance; the first owner of a key keeps it.
/// </summary>
internal sealed class VirtualHostBuilder(TranslationContext ctx)
{
    private readonly Dictionary<string, VirtualHost> _byKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _coveredHosts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, VirtualHost> ByKey => _byKey;

    /// <summary>A VirtualService applies to sidecars when it names no gateway or names <c>mesh</c>.</summary>
    public static bool BoundToMesh(VirtualService vs) =>
        vs.Spec.Gateways is not { Count: > 0 } gateways || gateways.Contains("mesh");

    public void Add(VirtualService vs)
    {
        var rules = vs.Spec.Http ?? [];
        var hosts = vs.Spec.Hosts ?? [];
        for (var h = 0; h < hosts.Count; h++)
        {
            var host = HostNames.ToFqdn(hosts[h], vs.Namespace).ToLowerInvariant();
            if (!_coveredHosts.Add(host))
            {
                // Sidecars take the first VirtualService for a host (creation order); istioctl's IST0109.
                ctx.Diagnostics.Add(Diagnostic.Warning($"host {host} is already routed by an earlier VirtualService; this one is ignored for it",
                    vs.SpanOf($"spec.hosts[{h}]"), vs.Ref, $"spec.hosts[{h}]"));
                continue;
            }
            var routes = new List<RouteEntry>(rules.Count);
            for (var i = 0; i < rules.Count; i++)
                if (rules[i] is { } rule) routes.Add(RouteBuilder.Build(vs, i, rule, ctx));
            Publish(host, new VirtualHost(host, routes));
        }
    }

    /// <summary>pilot's default route for a service without VirtualService: match everything,
    /// send it to the whole service on its first port (clusters for other ports are still built).</summary>
    public void AddDefault(MeshServiceEntry service)
    {
        if (service.Ports.Count == 0 || service.Hostname.StartsWith('*') || !_coveredHosts.Add(service.Hostname)) return;
        var port = service.Ports[0].Number;
        var cluster = ClusterKey.Of(port, null, service.Hostname);
        var route = new RouteEntry("default", RouteMatcher.Compile(null, ctx.Options.WorkloadLabels),
            [new WeightedCluster(cluster, 100)], new Provenance(service.Source, -1, service.SourceSpan))
        {
            LogName = "default",
            // pilot's BuildDefaultHTTPOutboundRoute gives it retry.DefaultPolicy() and no timeout.
            Retries = Policies.Retries.RetryPolicy.Default,
        };
        Publish(service.Hostname, new VirtualHost(service.Hostname, [route]));
    }

    private void Publish(string host, VirtualHost vh)
    {
        foreach (var key in HostKeys.For(host, ctx.Registry.Find(host), ctx.Options.ProxyNamespace))
            _byKey.TryAdd(key, vh);
    }
}
