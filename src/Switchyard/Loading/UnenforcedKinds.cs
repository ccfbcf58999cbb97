using Switchyard.Diagnostics;
using Switchyard.Model;
using Switchyard.Text;

namespace Switchyard.Loading;

/// <summary>
/// Kinds of the Istio and Gateway API groups that Switchyard reads past: it would be a lie to
/// count them as valid configuration, since nothing enforces them (an AuthorizationPolicy that
/// silently allows everything is worse than an error). Each is reported as a warning naming the
/// kind, as istioctl warns about a kind it has no schema for; the verdict is unchanged, because a
/// mesh repository legitimately holds them for the real Istio control plane.
/// </summary>
internal static class UnenforcedKinds
{
    private static readonly Dictionary<string, string[]> ByGroup = new(StringComparer.Ordinal)
    {
        ["networking.istio.io"] = ["Sidecar", "EnvoyFilter", "ProxyConfig"],
        ["security.istio.io"] = ["AuthorizationPolicy", "RequestAuthentication", "PeerAuthentication"],
        ["telemetry.istio.io"] = ["Telemetry"],
        ["extensions.istio.io"] = ["WasmPlugin"],
        ["gateway.networking.k8s.io"] = ["Gateway", "GatewayClass", "HTTPRoute", "GRPCRoute", "TCPRoute", "TLSRoute", "UDPRoute", "ReferenceGrant", "BackendTLSPolicy"],
    };

    /// <summary>
    /// The warning for a document Switchyard does not read, or null for a kind of a group it has
    /// nothing to do with (a ConfigMap, a Deployment's neighbours): those stay silent.
    /// </summary>
    public static Diagnostic? WarningFor(string group, string apiVersion, string kind, ResourceRef resource, SourceSpan span)
    {
        if (!ByGroup.TryGetValue(group, out var kinds)) return null;
        if (Array.IndexOf(kinds, kind) >= 0)
            return Diagnostic.Warning($"{kind} {apiVersion} is not enforced by Switchyard; ignored", span, resource, hint: "Switchyard enforces VirtualService, DestinationRule, ServiceEntry, WorkloadEntry and Gateway (networking.istio.io)");
        // A kind no version of this group has: most likely a typo, which kubectl would refuse
        // ("no matches for kind"). Still only a warning here: the document is not ours to judge.
        var known = KnownKinds(group, kinds);
        var suggestion = DidYouMean.Suggest(kind, known);
        return Diagnostic.Warning($"{group} has no kind {kind}; ignored" + (suggestion is null ? "" : $"; did you mean \"{suggestion}\"?"),
            span, resource, hint: $"kinds of {group}: {string.Join(", ", known)}");
    }

    private static List<string> KnownKinds(string group, string[] unenforced)
    {
        var known = new List<string>();
        foreach (var k in ResourceKinds.All)
            if (k.Group == group) known.Add(k.Kind);
        known.AddRange(unenforced);
        return known;
    }
}
