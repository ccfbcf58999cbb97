using Switchyard.Translation.Normalize;
using Switchyard.Model.Networking;
using Switchyard.Registry;

namespace Switchyard.Analysis.VirtualServices;

/// <summary>
/// istioctl's <c>virtualservice.ConflictingMeshGatewayHostsAnalyzer</c>
/// (pkg/config/analysis/analyzers/virtualservice/conflictingmeshgatewayhosts.go): VirtualServices
/// bound to the mesh (no <c>gateways</c>, or <c>mesh</c> listed) are keyed by export scope and FQDN
/// host; a key held by more than one of them is IST0109 on each (once per VirtualService), on its
/// <c>metadata.name</c> line as istioctl puts it. A key scoped to namespaces also takes in the
/// VirtualServices exported everywhere whose host overlaps it (wildcards included), while two
/// VirtualServices exported everywhere conflict only on the very same host string.
/// Departures that make the output stable: keys are visited in order (istioctl walks a Go map,
/// so which key a VirtualService is reported with varies run to run), and a VirtualService that
/// names the same host twice, or is defined twice under one name, is not reported as
/// conflicting with itself.
/// </summary>
public sealed class ConflictingMeshGatewayHostsAnalyzer : IAnalyzer
{
    private const string AllNamespaces = "*";

    public string Name => "virtualservice.ConflictingMeshGatewayHostsAnalyzer";

    public string Description => "Checks if multiple virtual services associated with the mesh gateway have conflicting hosts";

    public IReadOnlyList<MessageType> Produces => [Messages.ConflictingMeshGatewayVirtualServiceHosts];

    public void Analyze(AnalysisContext context)
    {
        var byKey = IndexMeshHosts(context.VirtualServices);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, owners) in byKey.OrderBy(e => e.Key.Scope, StringComparer.Ordinal).ThenBy(e => e.Key.Fqdn, StringComparer.Ordinal))
        {
            var group = new List<VirtualService>(owners);
            if (key.Scope != AllNamespaces)
            {
                foreach (var (other, exported) in byKey)
                    if (other.Scope == AllNamespaces && HostOverlap.Overlaps(key.Fqdn, other.Fqdn))
                        foreach (var vs in exported)
                            if (!group.Contains(vs)) group.Add(vs);
            }
            // One VirtualService defined twice (the same namespace/name in two files, as Istio's
            // traffic-shifting samples are) is one object to Istio: the later apply replaces the
            // earlier. It shares its host with nobody, so it is not a conflict.
            var names = group.Select(FullName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (names.Count < 2) continue;

            var scoped = $"{key.Scope}/{key.Fqdn}";
            foreach (var vs in group)
            {
                if (!reported.Add(FullName(vs))) continue;
                context.Report(Messages.ConflictingMeshGatewayVirtualServiceHosts, vs, "metadata.name",
                    Hint(vs, names, key.Fqdn), string.Join(",", names), scoped);
            }
        }
    }

    /// <summary>True when sidecars apply the VirtualService (no gateways means <c>mesh</c>).</summary>
    public static bool IsBoundToMesh(VirtualService vs) =>
        vs.Spec.Gateways is not { Count: > 0 } gateways || gateways.Contains("mesh");

    private static Dictionary<(string Scope, string Fqdn), List<VirtualService>> IndexMeshHosts(IEnumerable<VirtualService> services)
    {
        var byKey = new Dictionary<(string, string), List<VirtualService>>();
        foreach (var vs in services)
        {
            if (!IsBoundToMesh(vs)) continue;
            foreach (var scope in ExportScope.Scopes(vs.Spec.ExportTo, vs.Namespace))
            {
                foreach (var host in vs.Spec.Hosts ?? [])
                {
                    var key = (scope, HostNames.ToFqdn(host, vs.Namespace));
                    if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = new List<VirtualService>();
                    if (!list.Contains(vs)) list.Add(vs);
                }
            }
        }
        return byKey;
    }

    private static string FullName(VirtualService vs) => $"{vs.Namespace}/{vs.Name}";

    private static string Hint(VirtualService vs, IReadOnlyList<string> names, string fqdn)
    {
        var others = names.Where(n => n != FullName(vs)).ToList();
        return $"sidecars do not merge VirtualServices that share a host: merge the routes of {string.Join(", ", others)} into {FullName(vs)} "
               + $"(one VirtualService for {fqdn}, rules in the order they should match), or set exportTo so that no namespace sees both";
    }
}
